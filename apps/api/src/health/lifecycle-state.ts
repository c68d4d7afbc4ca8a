import { Injectable } from '@nestjs/common';

/** Flipped when shutdown starts, so load balancers stop sending traffic while requests drain. */
@Injectable()
export class LifecycleState {
  private draining = false;

  startDraining(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }
}
