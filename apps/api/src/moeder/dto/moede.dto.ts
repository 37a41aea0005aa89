import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FRAVAERSARTER, MOEDE_STATUSES } from '@sagsgang/moede';
import { ALLE_UDFALD, ROUTINGS, SAG_STATUSES, SAGSTYPER, Udfald } from '@sagsgang/sag';
import { WorkflowRefDto } from '../../sager/dto/sag.dto';
import { AfstemningDto } from './beslutning.dto';

/** The read side's answer for one meeting: the domain's state (MoedeView) as the client receives it. */

const ROUTING = { enum: ROUTINGS, enumName: 'Routing', required: false } as const;

/** Each udfald the sag's workflow allows for its sagstype, with where it sends the sag. */
export class TilladteUdfaldDto {
  @ApiPropertyOptional(ROUTING) godkendt?: string;
  @ApiPropertyOptional(ROUTING) godkendt_med_aendringer?: string;
  @ApiPropertyOptional(ROUTING) ikke_godkendt?: string;
  @ApiPropertyOptional(ROUTING) taget_til_efterretning?: string;
  @ApiPropertyOptional(ROUTING) droeftet?: string;
  @ApiPropertyOptional(ROUTING) anbefalet?: string;
  @ApiPropertyOptional(ROUTING) udsat?: string;
  @ApiPropertyOptional(ROUTING) tilbagesendt?: string;
}

export class SagSnapshotDto {
  @ApiProperty({ format: 'uuid' }) sagId!: string;
  @ApiProperty({ example: '19/18529' }) sagsnummer!: string;
  @ApiProperty() titel!: string;
  @ApiProperty({ example: '00.01.00' }) journalnummer!: string;
  @ApiProperty({ enum: SAGSTYPER, enumName: 'Sagstype' }) sagstype!: string;
  @ApiProperty({ enum: SAG_STATUSES, enumName: 'SagStatus', description: 'When the sag was put on the agenda' }) status!: string;
  @ApiProperty() harIndstilling!: boolean;
  @ApiProperty({ type: [String] }) sagsgang!: string[];
  @ApiProperty({ description: 'Index into sagsgang of the udvalg whose agenda the sag was put on' }) trin!: number;
  @ApiProperty({ type: WorkflowRefDto }) workflow!: WorkflowRefDto;
  @ApiProperty({ type: TilladteUdfaldDto }) udfald!: TilladteUdfaldDto;
}

export class MedlemDto {
  @ApiProperty({ example: 'Helge Bo Jensen' }) navn!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Ø' }) parti!: string | null;
}

export class FravaerDto {
  @ApiProperty({ example: 'Helge Bo Jensen' }) medlem!: string;
  @ApiProperty({ enum: FRAVAERSARTER, enumName: 'Fravaersart' }) art!: string;
  @ApiProperty({ format: 'date-time' }) tidspunkt!: string;
}

export class AfgangDto {
  @ApiProperty() medlem!: string;
  @ApiProperty({ description: 'Took no part in any later punkt' }) efterPunkt!: number;
  @ApiProperty({ format: 'date-time' }) tidspunkt!: string;
}

export class InhabilitetDto {
  @ApiProperty() medlem!: string;
  @ApiProperty() begrundelse!: string;
  @ApiProperty({ format: 'date-time' }) tidspunkt!: string;
}

export class BeslutningDto {
  @ApiProperty({ enum: ALLE_UDFALD, enumName: 'Udfald' }) udfald!: Udfald;
  @ApiProperty() beslutningstekst!: string;
  @ApiProperty({ type: AfstemningDto, nullable: true }) afstemning!: AfstemningDto | null;
  @ApiProperty({ format: 'date-time' }) tidspunkt!: string;
}

export class ProtokoltilfoerselDto {
  @ApiProperty() medlem!: string;
  @ApiProperty() tekst!: string;
  @ApiProperty({ format: 'date-time' }) tidspunkt!: string;
}

export class TrukketDto {
  @ApiProperty({ type: String, nullable: true }) begrundelse!: string | null;
  @ApiProperty({ format: 'date-time' }) tidspunkt!: string;
}

export class PunktDto {
  @ApiProperty({ description: '1..n in agenda order; fixed once the dagsorden is sent' }) nr!: number;
  @ApiProperty({ type: SagSnapshotDto }) sag!: SagSnapshotDto;
  @ApiProperty({ description: 'Content hidden from the public' }) lukket!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The title the public sees for a lukket punkt' }) neutralTitel!: string | null;
  @ApiProperty({ description: 'Added after the dagsorden was sent' }) supplerende!: boolean;
  @ApiProperty({ type: TrukketDto, nullable: true }) trukket!: TrukketDto | null;
  @ApiProperty({ type: BeslutningDto, nullable: true }) beslutning!: BeslutningDto | null;
  @ApiProperty({ type: [InhabilitetDto] }) inhabilitet!: InhabilitetDto[];
  @ApiProperty({ type: [FravaerDto], description: 'Fravær for this punkt only' }) fravaer!: FravaerDto[];
  @ApiProperty({ type: [ProtokoltilfoerselDto] }) protokoltilfoersler!: ProtokoltilfoerselDto[];
}

export class UnderskriftDto {
  @ApiProperty() medlem!: string;
  @ApiProperty({ description: 'The digest of the referat text this member approved' }) referatSha256!: string;
  @ApiProperty({ format: 'date-time' }) tidspunkt!: string;
}

export class MoedeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: MOEDE_STATUSES.filter((status) => status !== 'ny'), enumName: 'MoedeStatus' }) status!: string;
  @ApiProperty({ example: 'Direktionen' }) udvalg!: string;
  @ApiProperty({ example: '2019-12-16T09:00:00+01:00' }) start!: string;
  @ApiProperty({ example: 'Mødelokale B105' }) sted!: string;
  @ApiProperty({ type: [MedlemDto] }) medlemmer!: MedlemDto[];
  @ApiProperty({ type: [String], description: 'Others present; they take no part in votes' }) deltagere!: string[];
  @ApiProperty() sekretaer!: string;
  @ApiProperty({ type: [PunktDto] }) punkter!: PunktDto[];
  @ApiProperty({ type: [FravaerDto], description: 'Fravær for the whole meeting' }) fravaer!: FravaerDto[];
  @ApiProperty({ type: [AfgangDto] }) afgange!: AfgangDto[];
  @ApiProperty({ format: 'date-time' }) indkaldt!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'When the dagsorden was sent (null: aflyst before)',
  })
  udsendt?: string | null;
  @ApiPropertyOptional({ format: 'date-time' }) aabnet?: string;
  @ApiPropertyOptional({ format: 'date-time' }) haevet?: string;
  @ApiPropertyOptional({ type: [String], description: 'From haevet: the members present, who each approve the referat' })
  underskrivere?: string[];
  @ApiPropertyOptional({ type: [UnderskriftDto] }) underskrifter?: UnderskriftDto[];
  @ApiPropertyOptional({ format: 'date-time', description: 'When the last member approved the referat' }) godkendt?: string;
  @ApiPropertyOptional({ description: 'The digest of the approved referat text' }) referatSha256?: string;
  @ApiPropertyOptional({ format: 'date-time' }) offentliggjort?: string;
  @ApiPropertyOptional({ format: 'date-time' }) aflyst?: string;
  @ApiPropertyOptional({ description: 'aflyst: why' }) begrundelse?: string;
  @ApiProperty({ description: 'The revision of its stream this state is at; the ETag' }) revision!: number;
  @ApiProperty({ description: 'The global log position of that event' }) position!: number;
}
