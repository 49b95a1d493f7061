// Vietnamese: with and without diacritics ("muốn chết", "muon chet"), with "cười chết mất" and "từ từ thôi" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'muốn chết',
      'muon chet',
      'tao muốn chết quá',
      'mình muốn tự tử',
      'muon tu tu',
      'tự tử',
      'mình muốn tự sát',
      'không muốn sống nữa',
      'ko muon song nua',
      'mình hay tự làm đau bản thân',
      'mình lại rạch tay rồi',
      'mọi người sẽ tốt hơn nếu không có mình',
      'nhục quá muốn chết luôn',
    ),
    ...danger(
      'nó đang đứng trước nhà em',
      'có người đang đánh em',
      'nó dọa giết em',
      'có người đang theo dõi em',
      'em đang gặp nguy hiểm',
      'gọi công an giúp em',
      'nó có dao',
      'cứu em với',
    ),
  ],
  mustNot: [
    'cười chết mất',
    'cuoi chet mat',
    'từ từ thôi',
    'tu tu thoi',
    'mẹ mà biết thì giết em mất',
    'nó theo dõi em trên insta',
    'nó dọa đăng ảnh của em',
    'mệt chết đi được',
    'đói chết mất',
    'em không chắc',
  ],
};
