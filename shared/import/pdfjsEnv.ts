/**
 * What pdf.js's legacy build expects of its surroundings when it loads in
 * Node without a canvas package: a DOMMatrix (it makes one when its module
 * is evaluated, and uses a few for glyph outlines). We never draw, so a 2D
 * affine matrix is all it takes; the same one is used everywhere, whether a
 * canvas package happens to be installed or not, so reading is the same.
 */

type Init = readonly number[] | undefined;

/** The 2D subset of DOMMatrix: [a c e; b d f; 0 0 1]. */
export class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: Init) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = init as [number, number, number, number, number, number];
  }

  private set(a: number, b: number, c: number, d: number, e: number, f: number): this {
    Object.assign(this, { a, b, c, d, e, f });
    return this;
  }

  multiplySelf(m: AffineMatrix): this {
    const { a, b, c, d, e, f } = this;
    return this.set(a * m.a + c * m.b, b * m.a + d * m.b, a * m.c + c * m.d, b * m.c + d * m.d, a * m.e + c * m.f + e, b * m.e + d * m.f + f);
  }

  preMultiplySelf(m: AffineMatrix): this {
    const { a, b, c, d, e, f } = this;
    return this.set(m.a * a + m.c * b, m.b * a + m.d * b, m.a * c + m.c * d, m.b * c + m.d * d, m.a * e + m.c * f + m.e, m.b * e + m.d * f + m.f);
  }

  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf(new AffineMatrix([1, 0, 0, 1, tx, ty]));
  }

  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf(new AffineMatrix([sx, 0, 0, sy, 0, 0]));
  }

  invertSelf(): this {
    const { a, b, c, d, e, f } = this;
    const det = a * d - b * c;
    if (det === 0) return this.set(NaN, NaN, NaN, NaN, NaN, NaN);
    return this.set(d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det);
  }

  private copy(): AffineMatrix {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]);
  }

  multiply(m: AffineMatrix): AffineMatrix {
    return this.copy().multiplySelf(m);
  }

  translate(tx?: number, ty?: number): AffineMatrix {
    return this.copy().translateSelf(tx, ty);
  }

  scale(sx?: number, sy?: number): AffineMatrix {
    return this.copy().scaleSelf(sx, sy);
  }

  inverse(): AffineMatrix {
    return this.copy().invertSelf();
  }
}

/** Installs the DOMMatrix pdf.js needs, unless the host has one. */
export function preparePdfJsGlobals(): void {
  const scope = globalThis as { DOMMatrix?: unknown };
  scope.DOMMatrix ??= AffineMatrix;
}

/**
 * Runs `load` with pdf.js's load-time warnings (no canvas package, nothing
 * to polyfill drawing with) kept off the console: they are about drawing,
 * and would land in the CLI's output and the app's log on every PDF.
 */
export async function quietly<T>(load: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && args[0].startsWith('Warning: '))) warn(...args);
  };
  try {
    return await load();
  } finally {
    console.warn = warn;
  }
}
