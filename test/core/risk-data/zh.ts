// Chinese (simplified and traditional, no spaces): "想死", "不想活了", with "笑死", "想死你了" and "累死了" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      '我想死',
      '好想死啊',
      '不想活了',
      '我要自杀',
      '想自殺',
      '我一直在割腕',
      '我想跳楼',
      '活着没意思',
      '我又自残了',
      '没有我大家会更好',
      '想结束自己的生命',
      '丢脸死了 真的想死',
    ),
    ...danger(
      '他在我家门口',
      '有人在打我',
      '他说要杀了我',
      '他一直跟踪我',
      '我现在很危险',
      '帮我报警',
      '他拿着刀',
      '救命啊',
    ),
  ],
  mustNot: [
    '笑死',
    '笑死我了哈哈哈',
    '想死你了',
    '累死了',
    '饿死我了',
    '尴尬死了',
    '我妈知道了会杀了我',
    '他威胁要发我的照片',
    '我不确定',
    '救命 好可爱',
  ],
};
