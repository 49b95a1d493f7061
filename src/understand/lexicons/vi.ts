// Vietnamese words for typed answers, as teens type them, with and without diacritics (dạ/da, ko/k/hong, k bt, em/mình/tui).

import type { Lexicon } from '../lexicon';

// Without diacritics some words fall together ("ảnh" photo / "anh" brother, "bản thân" myself /
// "bạn thân" best friend): such phrases are left out, so they are asked again rather than guessed.
export const vi: Lexicon = {
  locale: 'vi',
  script: 'latin',
  intents: {
    yes: [
      '=co', '^co', '=co a', 'co ah', 'da co', 'da vang', 'vang', 'vang a', '=da', 'da dung', '=dung', '^dung', 'dung roi', 'dung vay', 'dung the', '=phai', 'phai roi',
      '=uk', '=ukm', 'oke', 'okela', 'chac chan roi', 'chac chan', 'tat nhien', 'co chu', 'co luon', 'co nha', 'co nhe', '=em co', '=minh co', '=toi co', 'co em co', 'da phai',
    ],
    no: [
      'khong', 'khg', '=kg', 'hong', 'hok', 'hem', 'khum', 'khom', '=ko', '^ko', '=k', '=kh', 'ko co', 'k co', 'khong co', 'hong co', 'khong phai', 'ko phai', 'k phai',
      'ko a', 'khong a', 'da khong', 'da ko', 'da k', '=chua', '^chua', 'khong ai', 'ko ai', 'k ai', 'chua ai', 'chang ai', 'khong bao gio', 'ko bao gio', 'khong he',
      'ko he', 'dau co', 'khong dau', 'ko dau', 'k dau', 'ko nha', 'khong nha',
    ],
    unsure: [
      'khong biet', 'ko biet', 'k biet', 'hong biet', 'hok biet', 'khum biet', '=kb', 'ko bt', 'k bt', 'khong bt', 'hong bt', 'ko bit', 'k bit', 'hong bit', '=chiu',
      'ko chac', 'k chac', 'hong chac', 'chua chac', 'khong ro', 'ko ro', 'k ro', 'khong nho', 'ko nho', 'k nho', 'hong nho', 'co le', 'chac vay', 'chac the', 'chac la vay',
      'hinh nhu', 'co the', 'khong biet nua', 'ko biet nua', 'bo tay',
    ],
    self: [
      '=em', '=minh', '=toi', '=tui', 'la em', 'la minh', 'la toi', 'la tui', 'em a', 'chinh em', 'chinh minh', 'chinh toi', 'em day', 'cua em', 'cua minh', 'cua toi',
      'hinh cua em', 'hinh cua minh', 'hinh em', 'chuyen cua em', 've em', 've minh', 've toi', 'em bi', 'minh bi', 'toi bi', 'tui bi',
    ],
    helper: [
      'nguoi khac', 'ban em', 'ban minh', 'ban toi', 'ban tui', 'ban cua em', 'ban cua minh', 'ban cua toi', 'ban gai', 'ban trai', 'nguoi yeu', 'con gai toi', 'con gai em',
      'con gai minh', 'con trai toi', 'con trai minh', 'con toi', 'con minh', 'em gai', 'em trai', 'chi gai', 'anh trai', 'em ho', 'hoc sinh cua toi', 'hoc sinh cua minh',
      'hoc sinh toi', 'hoc tro', 'khong phai em', 'ko phai em', 'k phai em', 'khong phai minh', 'ko phai minh', 'k phai minh', 'khong phai toi', 'giup ban', 'giup nguoi khac',
      'toi la phu huynh', 'toi la me', 'toi la bo', 'toi la giao vien', 'em giup ban', 'nho ban',
    ],
    human: [
      'noi chuyen voi nguoi', 'gap nguoi that', 'muon noi chuyen voi', 'cho em noi chuyen voi', 'cho minh noi chuyen voi', 'ban la bot', 'may la bot', 'day la bot',
      'la bot a', 'co phai bot', 'ban la nguoi that', 'nhan vien', 'nguoi tu van',
    ],
    back: [
      '=quay lai', 'quay lai cau truoc', 'tro lai', 'quay ve', 'cau truoc', 'cau hoi truoc', 'bam nham', 'an nham', 'chon nham', 'nhan nham', 'nham roi', '=nham',
      'doi cau tra loi', 'sua cau tra loi', 'hoan tac',
    ],
    new_link: ['link moi', 'link hong', 'link bi loi', 'cho link moi', 'link khac', 'link khong vao duoc', 'link ko vao dc', 'link k vao dc', 'link het han', 'gui lai link', 'link loi'],
    nude: [
      'khoa than', 'anh nude', 'hinh nude', 'anh nong', 'hinh nong', 'clip nong', 'anh sex', 'do lot', 'mac do lot', 'ao nguc', 'khong mac gi', 'ko mac gi', 'k mac gi',
      'khong mac do', 'ko mac do', 'k mac do', 'lo nguc', 'lo hang', 'nhay cam', 'anh nhay cam', 'hinh nhay cam', 'clip nhay cam', 'goi cam', 'khieu dam', 'ban khoa than',
    ],
    not_nude: [
      'khong khoa than', 'ko khoa than', 'khong nude', 'ko nude', 'k nude', 'co mac do', 'mac do day du', 'mac quan ao', 'co mac quan ao', 'chi mat', 'chi co mat', 'anh binh thuong',
      'hinh binh thuong', 'khong nhay cam', 'ko nhay cam', 'k nhay cam', 'khong phai anh nong',
    ],
    have_copy: ['van con', 'con giu', 'em con giu', 'van con giu', 'co luu', 'da luu', 'em luu', 'luu roi', 'trong dien thoai', 'trong may', 'trong dt', 'trong album', 'co ban sao'],
    no_copy: [
      'xoa roi', 'da xoa', 'em xoa roi', 'xoa het roi', 'khong con', 'ko con', 'k con', 'hong con', 'khong con nua', 'khong luu', 'ko luu', 'khong co ban sao', 'mat roi',
      'khong con trong may', 'chi co tren mang',
    ],
    confused: ['khong hieu', 'ko hieu', 'k hieu', 'hong hieu', 'chua hieu', 'la sao', 'nghia la sao', 'y la gi', 'y la sao', 'gi vay', '=ha'],
  },
  numbers: {
    'muoi mot': 11, 'muoi hai': 12, 'muoi ba': 13, 'muoi bon': 14, 'muoi lam': 15, 'muoi sau': 16, 'muoi bay': 17, 'muoi tam': 18, 'muoi chin': 19,
    'hai muoi': 20,
  },
  below: ['duoi', 'chua toi', 'chua den', 'chua du', 'gan', 'it hon', 'nho hon'],
  atLeast: ['tren', 'hon', 'lon hon', 'it nhat'],
  orMore: ['tro len', 'hoac hon'],
  fillers: ['nha', 'nhe', 'nhen', 'ak', 'oi', 'ad oi', 'admin oi', 'ban oi', 'chi oi', 'anh oi', 'hihi', 'huhu', 'hix', 'uhm', 'a nha'],
  particles: [],
  disclosure: [
    'de doa\\w*|tong tien|bi doa|doa (?:se|la|dang|tung|phat tan|gui)',
    '(?:tung|phat tan|dang|gui) (?:\\w+ ){0,2}(?:anh|hinh|clip|video) (?:\\w+ ){0,2}(?:len mang|cho moi nguoi|cho ban be|len face\\w*|len fb)',
    '(?:doi|bat|muon|ep) (?:\\w+ ){0,2}(?:tien|chuyen khoan|ck|the cao|usd|\\d+ ?(?:k|trieu|nghin|tr)|them anh|them hinh|anh nua|hinh nua|clip nua|gui them)',
    'neu (?:\\w+ )?(?:khong|ko|k) (?:\\w+ ){0,2}(?:tra tien|chuyen tien|chuyen khoan|gui|chuyen)',
  ],
  negators: ['khong', 'ko', 'k', 'chua', 'khong ai', 'ko ai', 'chang', 'dau co', 'hong', 'hok'],
  contrast: ['nhung', 'ma'],
  languages: { 'tieng viet': 'vi', vietnamese: 'vi', 'tieng anh': 'en', 'tieng tay ban nha': 'es', 'tieng thai': 'th' },
};
