import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { FRAVAERSARTER, Fravaersart } from '@sagsgang/moede';
import { TEXT } from '../../sager/dto/limits';

export class RegistrerFravaerDto {
  @ApiProperty({ example: 'Helge Bo Jensen' })
  @IsString()
  @Length(1, TEXT.navn)
  medlem!: string;

  @ApiProperty({ enum: FRAVAERSARTER, description: 'afbud: notice given beforehand; fravaer: without notice' })
  @IsIn(FRAVAERSARTER)
  art!: Fravaersart;

  @ApiPropertyOptional({
    type: [Number],
    nullable: true,
    example: [2],
    description: 'Omitted or null: the whole meeting; else these punkter',
  })
  @IsOptional()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  punkter?: number[] | null;
}

export class RegistrerAfgangDto {
  @ApiProperty({ example: 'Allan Høyer' })
  @IsString()
  @Length(1, TEXT.navn)
  medlem!: string;

  @ApiProperty({ example: 3, description: 'The member left after this punkt' })
  @IsInt()
  @Min(1)
  efterPunkt!: number;
}

export class ErklaerInhabilitetDto {
  @ApiProperty({ example: 'Allan Høyer' })
  @IsString()
  @Length(1, TEXT.navn)
  medlem!: string;

  @ApiProperty({ example: 'Er i bestyrelsen for ansøgeren' })
  @IsString()
  @Length(1, TEXT.prosa)
  begrundelse!: string;
}
