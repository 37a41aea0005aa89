import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Order } from './historik';

export class HistorikQuery {
  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 100;

  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0, description: 'Entries to skip (after fromRevision)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;

  @ApiPropertyOptional({
    minimum: 0,
    description: 'Start at this revision (inclusive): upwards when asc, downwards when desc; nextFromRevision gives the next page',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  fromRevision?: number;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc', description: 'asc: oldest first; desc: newest first' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: Order = 'asc';
}

export class AdgangslogQuery extends HistorikQuery {
  @ApiProperty({ format: 'uuid', description: 'The meeting whose lukkede punkter were read' })
  @IsUUID()
  moedeId!: string;
}

class ActorDto {
  @ApiProperty({ example: 'anna' }) userId!: string;
  @ApiProperty({ example: 'sagsbehandler' }) role!: string;
}

export class HistorikEntryDto {
  @ApiProperty({ format: 'uuid', description: "The event's id; a routing event's causationId is its beslutning's id" }) id!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ description: 'Global log position' }) position!: number;
  @ApiProperty({ example: 'SagOversendt' }) type!: string;
  @ApiProperty({ example: '2019-12-16T18:02:11.311Z', description: 'When it was recorded' }) recordedAt!: string;
  @ApiProperty({
    example: '2019-12-16',
    description: "When it took effect: the meeting's date for a beslutning and the routing it caused, else recordedAt",
  })
  effectiveAt!: string;
  @ApiProperty({ type: ActorDto, description: 'Who recorded it, from the token of the request that caused it' }) actor!: ActorDto;
  @ApiProperty({
    example: 'Beslutning i Økonomiudvalget 16-12-2019: anbefalet — sendt videre til Byrådet',
    description: 'What happened, in one Danish line',
  })
  resume!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The event's data in the current shape of its type (an older version is upcast; sagsgang export gives the stored bytes)",
  })
  data!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) correlationId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The request id, or the id of the event a process manager reacted to' })
  causationId!: string | null;
}

export class HistorikSideDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'sag-4f1c2d9e-8a7b-4c3d-9e2f-1a2b3c4d5e6f' }) stream!: string;
  @ApiProperty({ description: 'Events in the stream' }) total!: number;
  @ApiProperty({ enum: ['asc', 'desc'] }) order!: string;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ nullable: true, type: Number }) fromRevision!: number | null;
  @ApiProperty({ type: [HistorikEntryDto] }) items!: HistorikEntryDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'fromRevision for the next page in the same order; null on the last page' })
  nextFromRevision!: number | null;
}
