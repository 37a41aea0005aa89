import { ApiProperty } from '@nestjs/swagger';

export class CommandResultDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The stream revision after the command; send it back as If-Match' }) revision!: number;
  @ApiProperty({ description: 'Global log position of the last event; pass as minPosition to read your own write' }) position!: number;
}

export class OpretSagResultDto extends CommandResultDto {
  @ApiProperty({ example: '26/1' }) sagsnummer!: string;
}
