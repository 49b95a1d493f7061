// Vietnamese risk phrases, matched with or without diacritics ("muốn chết", "muon chet"), with "cười chết mất" and "từ từ thôi" left alone.

import { book, notBefore } from './book';

// Written with every mark: each marked letter also matches its toneless and bare forms, never
// another tone, so "tự tử" matches "tu tu" but not "từ từ" (slowly). Bare "tu tu" is still
// "từ từ" when it goes on with "thôi", "đi"...
const VI_ME = '(?:em|mình|tao|tớ|tui|tôi|con|cháu)';
const VI_THEY = '(?:nó|hắn|có người|ai đó|ông ấy|anh ấy|anh ta|ông ta|bố dượng|thằng đó|thằng kia|người lạ)';

export const vi = book('viet', {
  self_harm: [
    '(?<!(?:cười|mệt|đói|nóng|lạnh|sợ|chán|buồn ngủ)(?: quá| vãi| vl)? )(?:muốn|mún|thèm|chỉ muốn|rất muốn) (?:được )?(?:chết|tự tử|tự sát|biến mất mãi mãi|chết quách)',
    `tự tử${notBefore('thôi', 'đi', 'nào', 'nha', 'nhé', 'đã', 'mà', 'cái', 'để', 'rồi')}|tự sát`,
    '(?:không|ko|k|hông|chẳng|chả|hok|hong|kh) (?:muốn|mún|thiết) sống (?:nữa|tiếp)',
    'tự làm (?:đau|hại)|(?:làm đau|làm hại|hành hạ) (?:bản thân|chính mình)|rạch (?:cổ )?tay|cắt cổ tay|tự cắt',
    'chết (?:đi )?cho xong|chết quách (?:đi|cho)',
    `(?:tốt hơn|ổn hơn|vui hơn) (?:nếu|khi) (?:không có|thiếu|mất) ${VI_ME}`,
    'nhảy (?:lầu|sông)|uống (?:hết |cả )?(?:lọ|vỉ) thuốc|uống thuốc (?:chuột|sâu)|treo cổ',
  ],
  immediate_danger: [
    `(?:đứng|ở|chờ|rình) (?:ở )?(?:trước|ngoài|ngay trước|ngay ngoài) (?:cửa )?(?:nhà|phòng|cổng) ${VI_ME}`,
    `${VI_THEY} (?:đang )?(?:đánh|đập|đánh đập|bóp cổ|hiếp|sờ|theo|theo dõi|bám theo|đuổi theo) ${VI_ME}${notBefore('trên', 'qua', 'ở trên')}`,
    `${VI_THEY} (?:dọa|đòi|sẽ|muốn|định|nói sẽ) (?:giết|đánh|hiếp|bắt cóc|xử) ${VI_ME}`,
    `${VI_ME} (?:đang )?(?:gặp nguy hiểm|không an toàn)`,
    '(?:gọi|báo) (?:công an|cảnh sát|113|cấp cứu|115)',
    `${VI_THEY} (?:có|cầm|mang|rút) (?:dao|súng|vũ khí)`,
    { re: 'cứu (?:em|tôi|mình|con|tớ)? ?với(?: (?:ạ|ơi|nhanh|làm ơn))*|cứu (?:em|tôi|mình|con|tớ)(?: (?:ạ|ơi|nhanh|làm ơn))*', whole: true },
  ],
});
