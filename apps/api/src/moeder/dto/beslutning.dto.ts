import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { Udfald, ALLE_UDFALD } from '@sagsgang/sag';
import { TEXT } from '../../sager/dto/limits';

export class AfstemningDto {
  @ApiProperty({ type: [String], example: ['Lars Holte'] })
  @IsString({ each: true })
  @Length(1, TEXT.navn, { each: true })
  @ArrayMaxSize(100)
  for!: string[];

  @ApiProperty({ type: [String], example: [] })
  @IsString({ each: true })
  @Length(1, TEXT.navn, { each: true })
  @ArrayMaxSize(100)
  imod!: string[];

  @ApiProperty({ type: [String], example: [] })
  @IsString({ each: true })
  @Length(1, TEXT.navn, { each: true })
  @ArrayMaxSize(100)
  undlod!: string[];
}

export class RegistrerBeslutningDto {
  @ApiProperty({ enum: ALLE_UDFALD, description: "Only those the sag's workflow allows for its sagstype at this udvalg" })
  @IsIn(ALLE_UDFALD)
  udfald!: Udfald;

  @ApiProperty({ example: 'Godkendt med de faldne kommentarer.' })
  @IsString()
  @Length(1, TEXT.prosa)
  beslutningstekst!: string;

  @ApiPropertyOptional({ type: AfstemningDto, nullable: true, description: 'The vote by name, if one was taken' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AfstemningDto)
  afstemning?: AfstemningDto | null;
}

export class TilfoejProtokoltilfoerselDto {
  @ApiProperty({ example: 'Allan Høyer', description: 'A member who was outvoted' })
  @IsString()
  @Length(1, TEXT.navn)
  medlem!: string;

  @ApiProperty({ example: 'O ønsker ført til protokol, at …' })
  @IsString()
  @Length(1, TEXT.prosa)
  tekst!: string;
}

export class GodkendReferatDto {
  @ApiProperty({ example: 'Lars Holte', description: 'A member present, approving the referat as the API renders it now' })
  @IsString()
  @Length(1, TEXT.navn)
  medlem!: string;
}
