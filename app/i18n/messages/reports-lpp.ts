/** Messages of the LPP and Menunggak per petugas reports, and of the team areas setting on the Data page. */
import { defineMessages } from '../define';

export default defineMessages({
  id: {
    'settings.teamAreas.title': 'Wilayah tim penagihan',
    'settings.teamAreas.lead':
      'Kecamatan atau desa/kelurahan yang menjadi wilayah tiap tim, untuk laporan menunggak per petugas. Tanpa pengaturan, setiap kecamatan menjadi wilayah tim yang paling sering mengunjungi pelanggannya. Tulis kode kecamatan (17.02.09) atau desa (17.02.09.1001), dipisah koma atau spasi; satu wilayah hanya untuk satu tim.',
    'settings.teamAreas.team': 'Tim',
    'settings.teamAreas.areas': 'Wilayah',
    'settings.teamAreas.default': 'Bawaan dari kunjungan: {areas}',
    'settings.teamAreas.none': 'tidak ada',
    'settings.teamAreas.fromDefault': 'Memakai wilayah bawaan dari kunjungan.',
    'settings.teamAreas.setBy': 'Diatur oleh {name}, {at}.',
    'settings.teamAreas.save': 'Simpan wilayah tim',
    'settings.teamAreas.reset': 'Kembali ke bawaan',
    'settings.teamAreas.saved': 'Wilayah tim disimpan.',
    'settings.teamAreas.invalid': 'Wilayah tidak valid: {message}',
    'settings.teamAreas.noTeams': 'Belum ada tim penagihan di gudang data.',
  },
  en: {
    'settings.teamAreas.title': 'Collection team areas',
    'settings.teamAreas.lead':
      'The kecamatan or desa/kelurahan each team covers, for the arrears per collector report. Without a setting, each kecamatan belongs to the team that visits its customers most. Write kecamatan codes (17.02.09) or desa codes (17.02.09.1001), separated by commas or spaces; an area belongs to one team only.',
    'settings.teamAreas.team': 'Team',
    'settings.teamAreas.areas': 'Areas',
    'settings.teamAreas.default': 'Default from the visits: {areas}',
    'settings.teamAreas.none': 'none',
    'settings.teamAreas.fromDefault': 'Using the default areas from the visits.',
    'settings.teamAreas.setBy': 'Set by {name}, {at}.',
    'settings.teamAreas.save': 'Save team areas',
    'settings.teamAreas.reset': 'Back to the default',
    'settings.teamAreas.saved': 'Team areas saved.',
    'settings.teamAreas.invalid': 'Areas not valid: {message}',
    'settings.teamAreas.noTeams': 'No collection team in the warehouse yet.',
  },
});
