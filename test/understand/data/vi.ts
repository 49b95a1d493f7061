// Vietnamese answers as teens type them: with and without diacritics, dạ/da, ko/k/hong, k bt, em/mình.

import type { AnswerTable } from './types';

const YES = ['có', 'co', 'Có', 'cóoo', 'dạ có', 'da co', 'vâng', 'dạ', 'đúng', 'dung roi', 'đúng rồi ạ', 'có ạ', 'uk', 'CÓ', '👍'];
const NO = ['không', 'khong', 'ko', 'hông', 'hong', 'khum', 'k co', 'không có', 'dạ không', 'không phải', 'KHÔNG', '👎'];
const UNSURE = ['không biết', 'ko biet', 'k bt', 'hong biết', 'không chắc', 'ko chac', 'chắc vậy', 'có lẽ', 'không nhớ', 'ko bt có lẽ có'];
const MIXED = ['có và không', 'có không', 'có hay không'];
const NOISE = ['chào', 'hả?', 'không hiểu', 'bạn là ai', 'hihi', '???', 'em xấu hổ quá', 'nhanh lên'];
const HUMAN = ['cho em nói chuyện với người thật', 'bạn là bot à?', 'muốn nói chuyện với nhân viên', 'gặp người thật'];
const BACK = ['quay lại', 'bấm nhầm', 'câu trước', 'ấn nhầm rồi', 'nhầm rồi'];

export const vi: AnswerTable = {
  role: {
    understood: {
      'role:self': ['em', 'mình', 'là em', 'chuyện của mình', 'của em', 'chính em', 'tui', 'em ạ 😭', 'về em'],
      'role:helper': ['bạn em', 'ban minh', 'cho người khác', 'con gái tôi', 'không phải em, bạn em', 'người khác', 'em gái em', 'bạn gái', 'học sinh của tôi'],
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: ['có', 'không', 'ko bt', 'ảnh của anh', ...NOISE.slice(0, 4)],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'lúc đó em 15', 'dưới 18', 'có, em 16 tuổi', '14', 'em mười bốn tuổi'],
      'minor:no': [...NO, 'không, 19 tuổi', 'trên 18', '18 trở lên'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE.slice(0, 4)],
  },
  age_now: {
    understood: {
      'age:under13': ['12', 'em 12 tuổi', 'mười hai', 'dưới 13'],
      'age:13_15': ['14', 'em 14 tuổi', 'mười bốn', '15t', 'mười ba'],
      'age:16_17': ['16', 'mười sáu', 'em 17 tuổi', 'muoi bay'],
      'age:18plus': ['18', '19', 'mười tám', 'trên 18'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'có', 'ko bt', '14 hoặc 17', 'tuổi teen', ...NOISE.slice(0, 3)],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'khỏa thân', 'có, ảnh nóng', 'mặc đồ lót', 'ảnh nhạy cảm', 'khong mac gi'],
      'content:no': [...NO, 'không, có mặc đồ', 'chỉ có mặt', 'không khỏa thân'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), 'có nhưng không khỏa thân', ...NOISE.slice(0, 3)],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'nó đe dọa em', 'nó đòi tiền', 'nó tống tiền em', 'nó dọa sẽ tung ảnh', 'nếu em không chuyển tiền nó sẽ đăng', 'nó bắt em gửi thêm ảnh', 'không nhưng nó đòi tiền'],
      'threat:no': [...NO, 'không ai', 'ko ai đe dọa em', 'không có ai hết', 'chưa ai dọa'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE.slice(0, 3)],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'vẫn còn', 'có, trong điện thoại', 'em lưu rồi', 'mình có'],
      'copy:no': [...NO, 'xóa rồi', 'em xoá rồi', 'không còn nữa', 'ko còn'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), 'có nhưng xóa rồi', ...NOISE.slice(0, 3)],
  },
};
