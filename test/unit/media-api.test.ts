// One definition of the media-element API, three faces: the engine, <tic-replay> and the video.js
// Tech each offer every property of the table (a setter exactly where it is settable) and the
// element re-fires every media event.
import { expect } from '@esm-bundle/chai';
import { MEDIA_EVENTS, MEDIA_METHODS, MEDIA_PROPERTIES, type MediaPropertyName } from '../../src/core/media-api.js';
import '../../src/element/tic-replay.js';
import { TicReplayElement } from '../../src/element/tic-replay.component.js';
import { ReplayEngine } from '../../src/engine/replay-engine.js';
import { createReplayTech } from '../../src/player/replay-tech.js';
import { videojs } from '../../src/player/videojs.js';

const properties = Object.entries(MEDIA_PROPERTIES) as Array<[MediaPropertyName, { settable: boolean }]>;

function accessorOf(prototype: object, name: string): PropertyDescriptor | undefined {
  for (let proto: object | null = prototype; proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return descriptor;
  }
  return undefined;
}

describe('the media-element API table', () => {
  for (const [face, prototype] of [
    ['ReplayEngine', ReplayEngine.prototype],
    ['<tic-replay>', TicReplayElement.prototype],
  ] as const) {
    it(`${face} has every property, with a setter exactly where the table says it is settable`, () => {
      for (const [name, spec] of properties) {
        const descriptor = accessorOf(prototype, name);
        expect(descriptor?.get, `${face}.${name} getter`).to.be.a('function');
        expect(Boolean(descriptor?.set), `${face}.${name} settable`).to.equal(spec.settable);
      }
      for (const method of MEDIA_METHODS) expect((prototype as unknown as Record<string, unknown>)[method], `${face}.${method}()`).to.be.a('function');
    });
  }

  it('the video.js Tech has name() for every property and setName() exactly for the settable ones', () => {
    const prototype = createReplayTech(videojs).prototype as unknown as Record<string, unknown>;
    for (const [name, spec] of properties) {
      const setter = `set${name[0]!.toUpperCase()}${name.slice(1)}`;
      expect(prototype[name], `Tech ${name}()`).to.be.a('function');
      expect(typeof prototype[setter] === 'function', `Tech ${setter}()`).to.equal(spec.settable);
    }
  });

  it('the Tech forwards what the engine says', () => {
    const engine = new ReplayEngine();
    const tech = Object.create(createReplayTech(videojs).prototype) as Record<string, (...args: unknown[]) => unknown> & { engine: ReplayEngine };
    tech.engine = engine;
    tech.setVolume!(0.25);
    tech.setMuted!(true);
    expect(tech.volume!()).to.equal(0.25);
    expect(engine.muted).to.equal(true);
    expect(tech.paused!()).to.equal(true);
    expect(Number.isNaN(tech.duration!())).to.equal(true);
    engine.destroy();
  });

  it('<tic-replay> re-fires every media event of the engine from the host', () => {
    const element = document.createElement('tic-replay');
    const engine = (element as unknown as { engine: ReplayEngine }).engine;
    const heard: string[] = [];
    for (const type of MEDIA_EVENTS) element.addEventListener(type, () => heard.push(type));
    for (const type of MEDIA_EVENTS) engine.dispatchEvent(new Event(type));
    expect(heard).to.deep.equal([...MEDIA_EVENTS]);
  });
});
