import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { AnyRole, CurrentUser, type AuthenticatedUser } from '@pepite/api/identity';
import { DesktopStatusService, type DesktopStatusReceipt } from '../application/desktop-status.service';
import { ReportDesktopStatusInput } from '../graphql/report-desktop-status.input';

/**
 * The desktops' status report as one small HTTP request (the SDK's path; GraphQL's
 * `reportDesktopStatus` does the same). Most reports are answered by DesktopStatusFastPath
 * before Express; this controller answers the rest — refusals, invalid bodies, cross-origin
 * requests — with the API's usual errors.
 */
@Controller('api/desktop')
export class DesktopStatusController {
  constructor(private readonly statuses: DesktopStatusService) {}

  // Any signed-in desktop reports; only operators' reports are kept (adoption is about them).
  @AnyRole()
  @Post('status')
  @HttpCode(200)
  async report(@CurrentUser() caller: AuthenticatedUser, @Body() input: ReportDesktopStatusInput): Promise<DesktopStatusReceipt> {
    const receipt = await this.statuses.report(caller, input);
    return { releaseVersion: receipt.releaseVersion, recorded: receipt.recorded };
  }
}
