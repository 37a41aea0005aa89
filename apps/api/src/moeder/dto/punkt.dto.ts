import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { CommandResultDto } from '../../sager/dto/command-result.dto';
import { TEXT } from '../../sager/dto/limits';

export class TilfoejPunktDto {
  @ApiProperty({ format: 'uuid', description: 'An indstillet sag that awaits this udvalg' })
  @IsUUID()
  sagId!: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Lukket: the public sees only the number, the neutral title and that a decision was taken',
  })
  @IsOptional()
  @IsBoolean()
  lukket?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Personalesag',
    description: 'Only for a lukket punkt: the title the public sees',
  })
  @IsOptional()
  @IsString()
  @Length(1, TEXT.titel)
  neutralTitel?: string | null;
}

export class MarkerPunktDto {
  @ApiProperty({ description: 'true: lukket, false: åbent' })
  @IsBoolean()
  lukket!: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Personalesag' })
  @IsOptional()
  @IsString()
  @Length(1, TEXT.titel)
  neutralTitel?: string | null;
}

export class FlytPunktDto {
  @ApiProperty({ example: 1, description: 'The number the punkt moves to; the others close up' })
  @IsInt()
  @Min(1)
  tilNr!: number;
}

export class FjernPunktDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Sagen afventer yderligere oplysninger' })
  @IsOptional()
  @IsString()
  @Length(1, TEXT.prosa)
  begrundelse?: string | null;
}

export class TilfoejPunktResultDto extends CommandResultDto {
  @ApiProperty({ example: 3, description: "The punkt's number on the agenda" }) nr!: number;
}
