// Indonesian answers as teens type them: iya kak, gak, gatau, gw, wkwk, formal and Jakarta slang.

import type { AnswerTable } from './types';

const YES = ['iya', 'Iya', 'iyaa', 'iyaaa 😭', 'ya', 'iya kak', 'bener', 'betul', 'iya benar', 'yoi', 'he eh', 'IYA', 'ya min', '👍'];
const NO = ['tidak', 'gak', 'ga', 'nggak', 'enggak', 'gak kak', 'ngga', 'bukan', 'gak pernah', 'TIDAK', 'ga kok', '👎'];
const UNSURE = ['gak tau', 'gatau', 'tidak tahu', 'gtw', 'mungkin', 'gak yakin', 'kurang yakin', 'lupa', 'entahlah'];
const MIXED = ['iya dan tidak', 'iya gak', 'gak tau mungkin iya', 'ga, eh iya'];
const NOISE = ['halo', 'hah?', 'gak ngerti', 'kamu siapa', 'wkwk', '???', 'malu banget', 'cepetan dong'];
const HUMAN = ['bisa ngobrol sama orang beneran?', 'kamu bot ya?', 'mau bicara sama orang asli', 'ini bot?'];
const BACK = ['kembali', 'salah pencet', 'pertanyaan sebelumnya', 'kepencet', 'mau ganti jawaban'];

export const id: AnswerTable = {
  role: {
    understood: {
      'role:self': ['aku', 'saya', 'aku sendiri', 'tentang aku', 'foto aku', 'gw', 'untuk saya', 'aku kak 😭', 'ini aku'],
      'role:helper': ['temen aku', 'temanku', 'untuk orang lain', 'anak saya', 'bukan aku, adik aku', 'orang lain', 'sahabatku', 'pacar aku', 'murid saya'],
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: ['iya', 'gak', 'gatau', 'aku sama temen aku', ...NOISE.slice(0, 4)],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'waktu itu 15', 'di bawah 18', 'iya umur 16', '14', 'waktu itu empat belas'],
      'minor:no': [...NO, 'gak, aku 19', 'di atas 18', '18 ke atas'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE.slice(0, 4)],
  },
  age_now: {
    understood: {
      'age:under13': ['12', 'umur 12', 'dua belas', 'di bawah 13'],
      'age:13_15': ['14', 'umurku 14', 'empat belas', '15 tahun', 'tiga belas'],
      'age:16_17': ['16', 'enam belas', 'aku 17 tahun', 'tujuh belas'],
      'age:18plus': ['18', '19', 'delapan belas', 'lebih dari 18'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'iya', 'gatau', '14 atau 17', 'remaja', ...NOISE.slice(0, 3)],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'telanjang', 'iya bugil', 'pakai daleman', 'gak pake baju', 'foto vulgar'],
      'content:no': [...NO, 'gak, pakai baju', 'cuma muka', 'bukan foto bugil'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), 'iya tapi gak telanjang', ...NOISE.slice(0, 3)],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'dia ngancem aku', 'dia minta uang', 'dia bilang mau nyebarin fotoku', 'kalau aku gak bayar dia sebar', 'aku diperas', 'dia minta foto lagi', 'gak, tapi dia minta duit'],
      'threat:no': [...NO, 'gak ada', 'gak ada yang ngancem', 'tidak ada yang mengancam', 'ga ada kak'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE.slice(0, 3)],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'masih ada', 'iya di hp aku', 'ada di galeri', 'ada'],
      'copy:no': [...NO, 'udah dihapus', 'udah aku hapus', 'gak punya', 'udah gak ada'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), 'iya tapi udah dihapus', ...NOISE.slice(0, 3)],
  },
};
