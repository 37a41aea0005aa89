import { ApiProperty } from '@nestjs/swagger';

/** One meeting in a list: enough to pick it, not its agenda. */
export class MoedeResumeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Direktionen' }) udvalg!: string;
  @ApiProperty({ example: '2019-12-16T09:00:00+01:00' }) start!: string;
  @ApiProperty({ example: 'Mødelokale B105' }) sted!: string;
  @ApiProperty({ example: 'dagsorden_udsendt' }) status!: string;
  @ApiProperty({ description: 'Punkter on the agenda, withdrawn ones included' }) antalPunkter!: number;
  @ApiProperty() revision!: number;
}

export class MoedeListeDto {
  @ApiProperty({ type: [MoedeResumeDto] }) items!: MoedeResumeDto[];
  @ApiProperty({ description: 'Matches before paging' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
