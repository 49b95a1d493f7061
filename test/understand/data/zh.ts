// Chinese answers as teens type them: no spaces, end particles (啊/呀/吧/的), repeated characters, full-width punctuation, some traditional characters.

import type { AnswerTable } from './types';

const YES = ['是', '是的', '是啊', '对', '对的', '嗯', '嗯嗯', '对对对', '是的😭', '没错', '恩', '嗯。'];
const NO = ['不是', '不是的', '没有', '没', '不', '不对', '沒有', '不不不'];
const UNSURE = ['不知道', '不确定', '不清楚', '可能吧', '记不清了', 'bzd'];
const MIXED = ['是也不是', '是不是', '嗯不知道', '对吧不对'];
const NOISE = ['你好', '啥？', '这是什么', 'hi', '好丢人'];
const HUMAN = ['我想找真人聊', '你是机器人吗', '有人吗'];
const BACK = ['返回', '点错了', '上一题'];

export const zh: AnswerTable = {
  role: {
    understood: {
      'role:self': ['我', '我自己', '是我', '我本人', '是我的照片', '我的事', '就是我啊'],
      'role:helper': ['我朋友', '帮朋友问', '我女儿', '我弟弟', '帮别人问的', '不是我，是我闺蜜', '我学生', '同学的事'],
      human: HUMAN,
      back: BACK,
    },
    notAChoice: ['是', '不是', '不知道', '我和我朋友', ...NOISE],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, '是的当时15岁', '15', '未满18', '那时候十四岁'],
      'minor:no': [...NO, '不是，我当时19', '18岁以上', '已满18'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE],
  },
  age_now: {
    understood: {
      'age:under13': ['12', '我12岁', '十二岁', '未满13'],
      'age:13_15': ['14', '十四', '我15岁了', '十五岁', '１４'],
      'age:16_17': ['16', '十六岁', '17岁', '十七'],
      'age:18plus': ['18', '19岁', '十八岁', '18岁以上'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', '是', '不知道', '14还是17', ...NOISE],
  },
  content: {
    understood: {
      'content:yes': [...YES, '是裸照', '没穿衣服', '是的 很色情', '穿着内衣'],
      'content:no': [...NO, '不是裸照', '普通照片', '只有脸'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, '不知道', '是但不是裸照', ...NOISE],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, '有', '有的', '他威胁我要发出去', '他让我给钱', '不转账就发到网上', '他要我再发照片', '被勒索了'],
      'threat:no': [...NO, '没有人威胁我', '没人', '没有啊'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, '有', '还在手机里', '相册里有', '我有'],
      'copy:no': [...NO, '删了', '已经删掉了', '没有了'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, '不知道', '有但是删了', ...NOISE],
  },
};
