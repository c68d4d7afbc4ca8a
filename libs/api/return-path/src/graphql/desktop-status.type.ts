import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { DesktopStatusReceipt } from '../application/desktop-status.service';

@ObjectType('DesktopStatusReceipt')
export class DesktopStatusReceiptType {
  @Field(() => Int)
  releaseVersion!: number;

  @Field({ description: 'False for a desktop of a manager or an admin: adoption counts operators only.' })
  recorded!: boolean;

  static of(receipt: DesktopStatusReceipt): DesktopStatusReceiptType {
    return Object.assign(new DesktopStatusReceiptType(), receipt);
  }
}
