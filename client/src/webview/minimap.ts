/**
 * The overview shown when the graph is larger than the panel: every box in miniature and a frame for the
 * visible part. Clicking or dragging in it moves the view there.
 */
import type { Box, Scene } from './scene';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 200;
const HEIGHT = 140;

export class Minimap {
  private readonly svg = document.createElementNS(SVG, 'svg');
  private readonly content = document.createElementNS(SVG, 'g');
  private readonly frame = document.createElementNS(SVG, 'rect');
  private drawn: Scene | undefined;
  private scale = 1;
  private dragging = false;

  constructor(private readonly host: HTMLElement, private readonly moveTo: (x: number, y: number) => void) {
    this.svg.setAttribute('class', 'minimap-svg');
    this.svg.setAttribute('role', 'img');
    this.svg.setAttribute('aria-label', 'Overview: click to move the view');
    this.frame.setAttribute('class', 'minimap-frame');
    this.svg.append(this.content, this.frame);
    host.appendChild(this.svg);
    this.svg.addEventListener('pointerdown', (event) => {
      this.dragging = true;
      this.svg.setPointerCapture(event.pointerId);
      this.follow(event);
    });
    this.svg.addEventListener('pointermove', (event) => {
      if (this.dragging) this.follow(event);
    });
    this.svg.addEventListener('pointerup', () => {
      this.dragging = false;
    });
    // The canvas underneath must not start a pan or a selection.
    host.addEventListener('click', (event) => event.stopPropagation());
  }

  hide(): void {
    this.host.hidden = true;
  }

  /** Shows the overview when `visible` (scene coordinates) does not hold the whole scene. */
  update(scene: Scene, visible: Box): void {
    const whole = visible.x <= 0 && visible.y <= 0 && visible.x + visible.width >= scene.width && visible.y + visible.height >= scene.height;
    this.host.hidden = whole || scene.nodes.length === 0;
    if (this.host.hidden) return;
    if (this.drawn !== scene) this.draw(scene);
    const s = this.scale;
    this.frame.setAttribute('x', String(Math.max(0, visible.x * s)));
    this.frame.setAttribute('y', String(Math.max(0, visible.y * s)));
    this.frame.setAttribute('width', String(Math.max(4, Math.min(visible.width * s, WIDTH))));
    this.frame.setAttribute('height', String(Math.max(4, Math.min(visible.height * s, HEIGHT))));
  }

  private draw(scene: Scene): void {
    this.drawn = scene;
    this.scale = Math.min(WIDTH / Math.max(1, scene.width), HEIGHT / Math.max(1, scene.height));
    this.svg.setAttribute('width', String(Math.ceil(scene.width * this.scale)));
    this.svg.setAttribute('height', String(Math.ceil(scene.height * this.scale)));
    this.content.replaceChildren();
    for (const node of scene.nodes) {
      const rect = document.createElementNS(SVG, 'rect');
      const { x, y, width, height } = node.box;
      rect.setAttribute('x', String(x * this.scale));
      rect.setAttribute('y', String(y * this.scale));
      rect.setAttribute('width', String(Math.max(1, width * this.scale)));
      rect.setAttribute('height', String(Math.max(1, height * this.scale)));
      rect.setAttribute('class', `minimap-node${node.group ? ' group' : ''}${node.severity === 'error' ? ' error' : ''}`);
      this.content.appendChild(rect);
    }
  }

  private follow(event: PointerEvent): void {
    const rect = this.svg.getBoundingClientRect();
    this.moveTo((event.clientX - rect.left) / this.scale, (event.clientY - rect.top) / this.scale);
  }
}
