import { BeforeApplicationShutdown, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DataFolder } from '../infrastructure/data-folder';
import { MoederModule } from '../moeder/moeder.module';
import { ProcessManagersModule } from '../process-managers/process-managers.module';
import { FeedsController } from './feeds.controller';
import { OffentligController } from './offentlig.controller';
import { OffentligeMoeder } from './offentlige-moeder';
import { SoegeIndekser } from './soegning/soege-indekser';
import { SoegeIndeks } from './soegning/soege-indeks';
import { Soegning } from './soegning/soegning';

/**
 * What the public may read without a token (`/offentlig/...`) and the search
 * index behind it, which follows the log from the app's start until it stops.
 */
@Module({
  imports: [MoederModule, ProcessManagersModule],
  controllers: [OffentligController, FeedsController],
  providers: [
    // Its file was checked (and set aside if damaged) by the DataFolder.
    { provide: SoegeIndeks, inject: [DataFolder], useFactory: (dataFolder: DataFolder) => new SoegeIndeks(dataFolder.path) },
    SoegeIndekser,
    Soegning,
    OffentligeMoeder,
  ],
  exports: [OffentligeMoeder, Soegning],
})
export class OffentligModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly indekser: SoegeIndekser,
    private readonly indeks: SoegeIndeks,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.indekser.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.indekser.stop();
    this.indeks.close();
  }
}
