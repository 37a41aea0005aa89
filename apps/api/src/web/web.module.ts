import { Module } from '@nestjs/common';
import { OffentligModule } from '../offentlig/offentlig.module';
import { SiderController } from './sider.controller';

/** The web app's pages at / (the API's routes keep their paths); its built files are served by registerWebAssets. */
@Module({ imports: [OffentligModule], controllers: [SiderController] })
export class WebModule {}
