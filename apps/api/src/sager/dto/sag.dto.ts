import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALLE_UDFALD, SAG_STATUSES, SAGSTYPER, Udfald } from '@sagsgang/sag';

/** The read side's answer for one sag: the domain's state (SagView) as the client receives it. */

export class WorkflowRefDto {
  @ApiProperty({ example: 'politisk' }) name!: string;
  @ApiProperty({ example: 1 }) version!: number;
}

export class SagsfremstillingDto {
  @ApiProperty({ example: 1, description: 'Counts up with each write; every version stays readable' }) version!: number;
  @ApiProperty() tekst!: string;
  @ApiProperty({ format: 'date-time' }) tidspunkt!: string;
}

export class BilagDto {
  @ApiProperty({ format: 'uuid' }) bilagId!: string;
  @ApiProperty({ example: 'Handleplan 2016-17' }) titel!: string;
  @ApiProperty({ example: 'handleplan.pdf' }) filnavn!: string;
  @ApiProperty({ example: 'application/pdf' }) medietype!: string;
  @ApiProperty({ description: 'Bytes' }) stoerrelse!: number;
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) tidspunkt!: string;
}

export class IndstillingDto {
  @ApiProperty({ example: 1, description: '1 for the first; every revision counts up' }) version!: number;
  @ApiProperty({ enum: ['givet', 'revideret'] }) art!: 'givet' | 'revideret';
  @ApiProperty({ example: 'Direktøren for By, Kultur, Miljø & Beskæftigelse indstiller,' }) indstiller!: string;
  @ApiProperty({ type: [String], example: ['at orienteringen tages til efterretning'], description: 'Without their numbers' })
  atPunkter!: string[];
  @ApiProperty({ format: 'date-time' }) tidspunkt!: string;
}

export class BehandlingDto {
  @ApiProperty({ example: 'Direktionen' }) udvalg!: string;
  @ApiProperty({ format: 'uuid' }) moedeId!: string;
  @ApiProperty({ example: '2019-12-16', description: "The meeting's date: when the beslutning took effect" }) moedeDato!: string;
  @ApiProperty({ enum: ALLE_UDFALD, enumName: 'Udfald' }) udfald!: Udfald;
  @ApiProperty({ example: 'Anbefales over for Økonomiudvalget.' }) beslutningstekst!: string;
}

export class DagsordenplaceringDto {
  @ApiProperty({ format: 'uuid' }) moedeId!: string;
  @ApiProperty({ example: 'Direktionen' }) udvalg!: string;
  @ApiProperty({ example: 2 }) punktnummer!: number;
}

export class SagDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SAG_STATUSES.filter((status) => status !== 'ny'), enumName: 'SagStatus' }) status!: string;
  @ApiProperty({ example: '26/1' }) sagsnummer!: string;
  @ApiProperty({ example: 'Status sociale investeringer' }) titel!: string;
  @ApiProperty({ example: '00.01.10-A21-3-15' }) journalnummer!: string;
  @ApiProperty({ enum: SAGSTYPER, enumName: 'Sagstype' }) sagstype!: string;
  @ApiProperty({ type: [String], example: ['Direktionen', 'Økonomiudvalget', 'Byrådet'], description: 'The last holds kompetence' })
  sagsgang!: string[];
  @ApiProperty({ description: 'Index into sagsgang of the udvalg the sag is with or heading for' }) trin!: number;
  @ApiProperty({ example: 'Social og Sundhed' }) ansvarligEnhed!: string;
  @ApiProperty({ type: WorkflowRefDto }) workflow!: WorkflowRefDto;
  @ApiProperty({ format: 'date-time' }) oprettet!: string;
  @ApiProperty({ type: String, nullable: true }) anledning!: string | null;
  @ApiProperty({ type: [SagsfremstillingDto] }) sagsfremstillinger!: SagsfremstillingDto[];
  @ApiProperty({ type: [BilagDto] }) bilag!: BilagDto[];
  @ApiProperty({ type: [IndstillingDto], description: 'Oldest first; the last is the current one' }) indstillinger!: IndstillingDto[];
  @ApiProperty({ type: [BehandlingDto], description: "Each udvalg's treatment, in order" }) behandlinger!: BehandlingDto[];
  @ApiPropertyOptional({ type: IndstillingDto, description: 'indstillet, paa_dagsorden, afgjort: the indstilling in force' })
  indstilling?: IndstillingDto;
  @ApiPropertyOptional({ example: 'Økonomiudvalget', description: 'indstillet: the udvalg whose agenda the sag awaits' })
  afventerUdvalg?: string;
  @ApiPropertyOptional({ type: DagsordenplaceringDto, description: 'paa_dagsorden: where it is on an agenda' })
  dagsorden?: DagsordenplaceringDto;
  @ApiPropertyOptional({ type: BehandlingDto, description: 'afgjort: the deciding treatment' }) afgoerelse?: BehandlingDto;
  @ApiPropertyOptional({ description: 'henlagt: why' }) begrundelse?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'henlagt: when' }) henlagt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'afsluttet: when' }) afsluttet?: string;
  @ApiProperty({ description: 'The revision of its stream this state is at; the ETag' }) revision!: number;
  @ApiProperty({ description: 'The global log position of that event' }) position!: number;
}

export class SagListeDto {
  @ApiProperty({ type: [SagDto] }) items!: SagDto[];
  @ApiProperty({ description: 'Matches before paging' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
