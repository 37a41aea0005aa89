import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { TEXT } from '../../sager/dto/limits';

/** A meeting's start always carries its offset: the meeting date is the date written in it. */
export const START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export class IndkaldtMedlemDto {
  @ApiProperty({ example: 'Helge Bo Jensen', description: 'Unique within the meeting: later commands name the member by it' })
  @IsString()
  @Length(1, TEXT.navn)
  navn!: string;

  @ApiPropertyOptional({ type: String, example: 'Ø', nullable: true, description: 'The party letter printed after the name' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  parti?: string | null;
}

export class IndkaldMoedeDto {
  @ApiProperty({ example: 'Direktionen' })
  @IsString()
  @Length(1, TEXT.navn)
  udvalg!: string;

  @ApiProperty({ example: '2019-12-16T09:00:00+01:00', description: 'ISO 8601 with its offset (local time)' })
  @Matches(START, { message: 'skal være et ISO 8601-tidspunkt med tidszone, fx 2019-12-16T09:00:00+01:00' })
  start!: string;

  @ApiProperty({ example: 'Mødelokale B105' })
  @IsString()
  @Length(1, TEXT.titel)
  sted!: string;

  @ApiProperty({ type: [IndkaldtMedlemDto], description: "The udvalg's members; at least one" })
  @ValidateNested({ each: true })
  @Type(() => IndkaldtMedlemDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  medlemmer!: IndkaldtMedlemDto[];

  @ApiPropertyOptional({ type: [String], example: ['Hans Hansen (direktør)'], description: 'Others present; they take no part in votes' })
  @IsOptional()
  @IsString({ each: true })
  @Length(1, TEXT.navn, { each: true })
  @ArrayMaxSize(100)
  deltagere?: string[];

  @ApiProperty({ example: 'Kathrine Seier Skaastrup' })
  @IsString()
  @Length(1, TEXT.navn)
  sekretaer!: string;
}
