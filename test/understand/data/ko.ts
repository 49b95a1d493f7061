// Korean answers as teens type them: 네/넵/넹, bare letters (ㅇㅇ, ㄴㄴ, ㅋㅋ, ㅠㅠ), endings joined to words, spaces left out.

import type { AnswerTable } from './types';

const YES = ['네', '넵', '넹', '네네', 'ㅇㅇ', '응', '맞아요', '네ㅠㅠ', '넵ㅋㅋ', '맞아', '예'];
const NO = ['아니요', '아뇨', '아니', 'ㄴㄴ', '아니에요', '아니요ㅠ', '노노'];
const UNSURE = ['모르겠어요', '잘 모르겠어요', '몰라요', '아마도', '기억이 안 나요', '글쎄요'];
const MIXED = ['네 아니요', '네 모르겠어요', '응 아니'];
const NOISE = ['안녕하세요', '뭐라고요?', '이게 뭐예요', 'hi', '너무 창피해요'];
const HUMAN = ['진짜 사람이랑 얘기하고 싶어요', '봇이에요?', '상담원 연결해 주세요'];
const BACK = ['뒤로', '잘못 눌렀어요', '이전 질문으로'];

export const ko: AnswerTable = {
  role: {
    understood: {
      'role:self': ['저', '저요', '제 얘기예요', '제 사진이에요', '본인이에요', '나', '내 얘기'],
      'role:helper': ['친구요', '친구 얘기예요', '제 딸이요', '여동생', '다른 사람이요', '친구 대신 물어봐요', '조카예요', '제 학생이에요'],
      human: HUMAN,
      back: BACK,
    },
    notAChoice: ['네', '아니요', '모르겠어요', '저랑 친구', '친구가 제 사진을 올렸어요', ...NOISE],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, '네 그때 15살', '15', '18세 미만', '그때 열네 살이었어요'],
      'minor:no': [...NO, '아니요 19살이었어요', '18세 이상', '18 넘었어요'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE],
  },
  age_now: {
    understood: {
      'age:under13': ['12', '12살이에요', '열두 살', '13세 미만'],
      'age:13_15': ['14', '14살', '열네살', '15살이요', '열다섯 살이에요'],
      'age:16_17': ['16', '16살', '열일곱', '17세'],
      'age:18plus': ['18', '19살', '스무 살', '18세 이상'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', '네', '모르겠어요', '14살 아니면 17살', ...NOISE],
  },
  content: {
    understood: {
      'content:yes': [...YES, '누드예요', '네 야한 사진이요', '옷 안 입은 사진', '속옷 사진'],
      'content:no': [...NO, '평범한 사진이에요', '얼굴만 나왔어요', '누드 아니에요'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, '모르겠어요', '네 근데 누드는 아니에요', ...NOISE],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, '있어요', '사진 유포한다고 협박해요', '돈 달라고 해요', '사진 더 보내래요', '몸캠 피싱 당했어요', '안 보내면 뿌린대요'],
      'threat:no': [...NO, '아무도 협박 안 했어요', '없어요', '아무도 없어요'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, '있어요', '폰에 있어요', '갤러리에 있어요'],
      'copy:no': [...NO, '지웠어요', '없어요', '삭제했어요'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, '모르겠어요', '있는데 지웠어요', ...NOISE],
  },
};
