// Answers written after the lexicons, and never used to tune them: the score on these is the honest one.

import type { AnswerTable } from './types';

export const holdout: Record<'en' | 'th' | 'es', AnswerTable> = {
  en: {
    role: { understood: { 'role:self': ['its abt me', 'me 😞', 'about myself'], 'role:helper': ['my little sister', 'asking for a friend', 'my cousin'], human: ['can i talk to someone real'] }, notAChoice: ['ok', 'help?? idk'] },
    minor_at_capture: { understood: { 'minor:yes': ['yeah i was 16', 'yes i was', 'yess'], 'minor:no': ['nope i was 20'], 'minor:unsure': ['i think so idk', 'not really sure'] }, notAChoice: ['20', 'sort of'] },
    age_now: { understood: { 'age:13_15': ['im 13 yrs', "i'm fourteen", '14 y/o'], 'age:16_17': ['almost 17, im 16', '17 rn'], 'age:18plus': ['19 now'] }, notAChoice: ['old', '15 or 16'] },
    content: { understood: { 'content:yes': ['ya its nudes', 'yes 😔😔', 'its a nude'], 'content:no': ['nah just a selfie'] }, notAChoice: ['kinda idk'] },
    threat: { understood: { 'threat:yes': ['hes blackmailing me', 'he wants 100 dollars or hell post it', 'they want more pictures'], 'threat:no': ['nope nobody', 'no not at all'] }, notAChoice: ['i dont think so maybe'] },
    has_copy: { understood: { 'copy:yes': ['yeah its on my phone', 'yes i saved it'], 'copy:no': ['nah i deleted it'] }, notAChoice: ['idk where it is'] },
  },
  th: {
    role: { understood: { 'role:self': ['ของตัวเองคับ', 'หนูเองค่ะ😢'], 'role:helper': ['ของเพื่อนค่ะ', 'ช่วยลูกสาว'], human: ['ขอคุยกับเจ้าหน้าที่หน่อยค่ะ'] }, notAChoice: ['ค่ะ', 'สวัสดีครับ'] },
    minor_at_capture: { understood: { 'minor:yes': ['ใช่ค่าาา', 'ตอนนั้น 16 ค่ะ', 'ช่ายค่ะ'], 'minor:no': ['ไม่ใช่ค่ะ'], 'minor:unsure': ['ไม่แน่ใจอ่ะ', 'จำไม่ได้ค่ะ'] }, notAChoice: ['20'] },
    age_now: { understood: { 'age:13_15': ['15ค่ะ', 'อายุ 13 ค่ะ', 'สิบสามค่ะ'], 'age:16_17': ['17ปีครับ'], 'age:18plus': ['อายุ19'] }, notAChoice: ['15-16'] },
    content: { understood: { 'content:yes': ['ใช่ค่ะ😭', 'เปลือยค่ะ'], 'content:no': ['ไม่ใช่ครับ'] }, notAChoice: ['ไม่แน่ใจ'] },
    threat: { understood: { 'threat:yes': ['มีคนขู่ค่ะ', 'เขาเรียกเงินหนู', 'มีครับ'], 'threat:no': ['ไม่มีค่ะ', 'ไม่มีครับ'] }, notAChoice: ['ไม่รู้ค่ะ'] },
    has_copy: { understood: { 'copy:yes': ['มีครับ', 'มีในเครื่องค่ะ'], 'copy:no': ['ลบทิ้งไปแล้วค่ะ'] }, notAChoice: ['ไม่รู้'] },
  },
  es: {
    role: { understood: { 'role:self': ['soy yo 😔', 'de mi misma'], 'role:helper': ['de mi prima', 'para mi hermana'], human: ['quiero hablar con una persona'] }, notAChoice: ['ok', 'hola?'] },
    minor_at_capture: { understood: { 'minor:yes': ['siii', 'si tenia 16', 'sip'], 'minor:no': ['no tenia 20'], 'minor:unsure': ['no se la verdad', 'no me acuerdo bien'] }, notAChoice: ['20'] },
    age_now: { understood: { 'age:13_15': ['tengo 13 años', 'catorce años', '15 años'], 'age:16_17': ['tengo diecisiete'], 'age:18plus': ['tengo 19'] }, notAChoice: ['15 o 16'] },
    content: { understood: { 'content:yes': ['si, desnuda 😭', 'sii'], 'content:no': ['no, era normal'] }, notAChoice: ['no se'] },
    threat: { understood: { 'threat:yes': ['me amenazan', 'me pide plata', 'sí'], 'threat:no': ['no nadie', 'nop'] }, notAChoice: ['no se'] },
    has_copy: { understood: { 'copy:yes': ['si la tengo en el cel', 'sip'], 'copy:no': ['ya la borre'] }, notAChoice: ['no se'] },
  },
};
