import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsString, Length } from 'class-validator';
import { TEXT } from './limits';

export class GivIndstillingDto {
  @ApiProperty({ example: 'Direktøren for By, Kultur, Miljø & Beskæftigelse indstiller,' })
  @IsString()
  @Length(1, TEXT.titel)
  indstiller!: string;

  @ApiProperty({
    type: [String],
    example: ['at orienteringen tages til efterretning'],
    description: 'The at-clauses in order, without numbers',
  })
  @IsString({ each: true })
  @Length(1, TEXT.atPunkt, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  atPunkter!: string[];
}
