import { Controller, Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { LukketLaesning } from '../historik/lukket-laesning';
import { ApiQueryErrors } from '../http/api-errors.decorator';
import { GodkendteReferater } from './godkendte-referater';

/** The approved referat text, byte for byte: for the members and the auditor, so it is internal (lukkede punkter in full). */
@ApiTags('moeder')
@ApiBearerAuth()
@Controller('moeder/:id/referat/godkendt')
export class GodkendtReferatController {
  constructor(
    private readonly godkendte: GodkendteReferater,
    private readonly lukket: LukketLaesning,
  ) {}

  @Get()
  @ApiOkResponse({
    description:
      "Exactly the bytes the members approved (the internal text referat without its Godkendelse section); their sha256 is the ReferatGodkendt event's referatSha256, also sent as ETag and Repr-Digest. 404 until the referat is approved",
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiQueryErrors()
  async godkendt(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { bytes, sha256, moede } = await this.godkendte.hent(id);
    await this.lukket.moede(request, moede);
    void reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('etag', `"${sha256}"`)
      .header('repr-digest', `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`);
    return bytes;
  }
}
