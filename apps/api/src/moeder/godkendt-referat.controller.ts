import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { LukketLaesning } from '../historik/lukket-laesning';
import { ApiProblem, ApiQueryErrors, NOT_FOUND } from '../http/api-errors.decorator';
import { ID } from '../http/path-params';
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
  @ApiOperation({ operationId: 'hentGodkendtReferat', summary: 'Godkendt referat: præcis de bytes, medlemmerne godkendte' })
  @ApiOkResponse({
    description:
      "Exactly the bytes the members approved (the internal text referat without its Godkendelse section); their sha256 is the ReferatGodkendt event's referatSha256, also sent as ETag and Repr-Digest. 404 until the referat is approved",
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiProblem(500, 'The approved text is not stored and the referat renders differently today; never another text')
  @ApiQueryErrors(NOT_FOUND.godkendtReferat)
  async godkendt(
    @Param('id', ID) id: string,
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
