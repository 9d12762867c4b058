// deck.gl's OrthographicView has no rotation; this one adds it in the view matrix, so layers,
// picking and the pan/zoom controller all work in scene metres with north up at rotation 0.
import { OrthographicController, OrthographicView, Viewport } from '@deck.gl/core';
import { Matrix4 } from '@math.gl/core';

interface RotatedProps {
  width: number;
  height: number;
  zoom?: number;
  target?: number[];
  /** Degrees the scene is turned counter-clockwise on screen. */
  rotation?: number;
  near?: number;
  far?: number;
}

export class RotatedOrthographicViewport extends Viewport {
  readonly target: number[];
  readonly rotation: number;

  constructor(props: RotatedProps) {
    const { width, height, zoom = 0, target = [0, 0, 0], rotation = 0, near = 0.1, far = 1000 } = props;
    const scale = 2 ** zoom;
    super({
      ...props,
      longitude: undefined,
      position: [target[0] ?? 0, target[1] ?? 0, target[2] ?? 0],
      viewMatrix: new Matrix4()
        .lookAt({ eye: [0, 0, 1] })
        .rotateZ((rotation * Math.PI) / 180)
        .scale([scale, scale, scale]),
      projectionMatrix: new Matrix4().ortho({
        left: -(width || 1) / 2,
        right: (width || 1) / 2,
        bottom: -(height || 1) / 2,
        top: (height || 1) / 2,
        near,
        far,
      }),
      zoom,
    });
    this.target = target;
    this.rotation = rotation;
  }

  override projectFlat(xyz: number[]): [number, number] {
    return [xyz[0]!, xyz[1]!];
  }

  override unprojectFlat(xyz: number[]): [number, number] {
    return [xyz[0]!, xyz[1]!];
  }

  /** Used by the controller to pan: keep the world point `coords` under `pixel`. */
  override panByPosition(coords: number[], pixel: number[]): { target: number[] } {
    const at = this.unproject(pixel);
    return { target: [this.center[0]! + coords[0]! - at[0]!, this.center[1]! + coords[1]! - at[1]!, 0] };
  }
}

export class RotatedOrthographicView extends OrthographicView {
  override getViewportType() {
    return RotatedOrthographicViewport as never;
  }
  override get ControllerType() {
    return OrthographicController;
  }
}
