// The urgent alert: a visible banner and a short two-note tone made with WebAudio (no audio file, no third party).

let audio: AudioContext | undefined;
let soundOn = localStorage.getItem('reclaim.sound') !== 'off';

/** Browsers allow sound only after a gesture: the first click or key press unlocks it. */
export function unlockAudio(): void {
  if (!soundOn) return;
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
  } catch {
    audio = undefined;
  }
}

export function isSoundOn(): boolean {
  return soundOn;
}

export function setSound(on: boolean): void {
  soundOn = on;
  localStorage.setItem('reclaim.sound', on ? 'on' : 'off');
  if (on) unlockAudio();
}

/** Plays two short rising notes, quiet enough for an open-plan room. */
export function playTone(): void {
  if (!soundOn || !audio || audio.state !== 'running') return;
  const start = audio.currentTime;
  [660, 880].forEach((frequency, i) => {
    const oscillator = audio!.createOscillator();
    const gain = audio!.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    const t0 = start + i * 0.22;
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(0.25, t0 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.2);
    oscillator.connect(gain).connect(audio!.destination);
    oscillator.start(t0);
    oscillator.stop(t0 + 0.21);
  });
}

/** True when the browser can show desktop notifications and the staff member has not been asked yet. */
export function canAskNotifications(): boolean {
  return 'Notification' in window && Notification.permission === 'default';
}

/** Asks for permission (only ever from a click). */
export async function askNotifications(): Promise<boolean> {
  if (!('Notification' in window)) return false;
  return (await Notification.requestPermission()) === 'granted';
}

/**
 * A desktop notification, when allowed, so that a hand-off is noticed in another tab or window. It names no person
 * and carries no message text: only what happened. Clicking it brings the dashboard to the conversation.
 */
export function notify(title: string, body: string, tag: string, onClick: () => void): void {
  if (!('Notification' in window) || Notification.permission !== 'granted') return;
  try {
    const n = new Notification(title, { body, tag });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  } catch {
    // Some browsers allow notifications only from a service worker: the banner and the tone still tell.
  }
}
