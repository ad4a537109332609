/**
 * Plausible names, addresses and phone numbers for the customer register. Rejang Lebong mixes Rejang,
 * Malay, Minang and Javanese (transmigrant) families, so the name pools do too. Non-household classes
 * are named like the places that hold such connections (mosques, schools, shops, offices).
 */
import type { Desa } from './areas';
import type { Rng } from './prng';
import type { TariffClass } from './tariffs';

const MALE = [
  'Ahmad', 'Abdul', 'Agus', 'Andi', 'Arif', 'Bambang', 'Budi', 'Dedi', 'Darmawan', 'Edi', 'Eko', 'Fauzi', 'Hendra',
  'Heri', 'Irwan', 'Iskandar', 'Joko', 'Kurniawan', 'Lukman', 'Muhammad', 'Mulyadi', 'Nasrul', 'Rahmat', 'Rudi',
  'Slamet', 'Sugianto', 'Suharto', 'Syafrizal', 'Taufik', 'Wahyu', 'Yusuf', 'Zulkarnain', 'Hasan', 'Ismail',
  'Jamaluddin', 'Marzuki', 'Nurdin', 'Ridwan', 'Samsul', 'Sutrisno', 'Usman', 'Yanto', 'Zainal', 'Herman', 'Anwar',
];
const FEMALE = [
  'Siti', 'Sri', 'Dewi', 'Fitri', 'Yuliani', 'Rahmawati', 'Nurhayati', 'Ratna', 'Lestari', 'Endang', 'Ani',
  'Yanti', 'Susanti', 'Wati', 'Rina', 'Desi', 'Eva', 'Herlina', 'Indah', 'Juwita', 'Kartini', 'Lina', 'Maryam',
  'Nining', 'Puspita', 'Rosmiati', 'Sumiati', 'Tuti', 'Utami', 'Yusnidar', 'Zubaidah', 'Erna', 'Hasanah', 'Aminah',
];
const SECOND = [
  'Saputra', 'Hidayat', 'Santoso', 'Wijaya', 'Pratama', 'Setiawan', 'Gunawan', 'Susanto', 'Hartono', 'Siregar',
  'Effendi', 'Syahputra', 'Kurnia', 'Ramadhan', 'Purnama', 'Handayani', 'Wahyuni', 'Suryani', 'Aminah', 'Fitriani',
  'Lubis', 'Nasution', 'Harahap', 'Sembiring', 'Utomo', 'Prasetyo', 'Rahman', 'Hakim', 'Husin', 'Yunus', 'Saleh',
];

const STREETS = [
  'Jl. Merdeka', 'Jl. Sudirman', 'Jl. Ahmad Yani', 'Jl. Basuki Rahmat', 'Jl. Dr. A.K. Gani', 'Jl. S. Sukowati',
  'Jl. Kesatrian', 'Jl. Iskandar Ong', 'Jl. Sapta Marga', 'Jl. Ir. Soekarno', 'Jl. Cendana', 'Jl. Mawar',
  'Jl. Melati', 'Jl. Kenanga', 'Jl. Flamboyan', 'Jl. Pramuka', 'Jl. Veteran', 'Jl. Pembangunan', 'Jl. Baru',
  'Jl. Lintas Curup-Lubuk Linggau', 'Jl. Lintas Curup-Bengkulu', 'Jl. Kopi', 'Jl. Pasar', 'Jl. Masjid',
  'Gg. Damai', 'Gg. Manggis', 'Gg. Durian', 'Gg. Sepakat',
];

const WORSHIP = ['Masjid Al-Ikhlas', 'Masjid Nurul Iman', 'Masjid At-Taqwa', 'Musholla Al-Hidayah', 'Gereja HKBP', 'Masjid Raya Baitul Makmur'];
const SCHOOLS = ['SD Negeri', 'SMP Negeri', 'SMA Negeri', 'MI Negeri', 'MTs Negeri'];
const SHOPS = [
  'Toko Sumber Rezeki', 'Toko Berkah Jaya', 'RM Padang Sederhana', 'Warung Kopi Kaba', 'Bengkel Motor Mandiri',
  'Toko Bangunan Maju', 'Laundry Bersih', 'Apotek Sehat', 'Konter HP Sinar', 'Salon Cantika', 'Depot Air Isi Ulang',
];
const BUSINESSES = ['Hotel Kaba Indah', 'CV Sinar Curup', 'PT Rejang Sayur Mandiri', 'RS Bhayangkara Curup', 'Swalayan Kurnia', 'Pabrik Es Curup'];
const INDUSTRY = ['PT Pengolahan Kopi Rejang', 'CV Tahu Tempe Curup', 'PT Es Batu Kaba'];
const OFFICES = ['Kantor Camat', 'Kantor Lurah', 'Kantor Kepala Desa', 'Puskesmas', 'Polsek', 'Kantor Dinas PUPR Rejang Lebong', 'Kantor KUA'];

export function customerName(rng: Rng, tariffClass: TariffClass, desa: Desa): string {
  switch (tariffClass) {
    case 'S1':
      return `Hidran Umum ${desa.name} ${rng.int(1, 4)}`;
    case 'S2':
      return rng.chance(0.5) ? `${rng.pick(WORSHIP)} ${desa.name}` : `${rng.pick(SCHOOLS)} ${rng.int(1, 40)} Rejang Lebong`;
    case 'N1':
      return rng.chance(0.6) ? rng.pick(SHOPS) : personName(rng);
    case 'N2':
      return rng.pick(BUSINESSES);
    case 'I1':
      return rng.pick(INDUSTRY);
    case 'IP':
      return `${rng.pick(OFFICES)} ${desa.name}`;
    default:
      return personName(rng);
  }
}

function personName(rng: Rng): string {
  const first = rng.chance(0.5) ? rng.pick(MALE) : rng.pick(FEMALE);
  return rng.chance(0.8) ? `${first} ${rng.pick(SECOND)}` : first;
}

/** Town quarters have numbered streets; villages are addressed by dusun and RT. */
export function address(rng: Rng, desa: Desa): string {
  const rt = String(rng.int(1, 12)).padStart(2, '0');
  if (desa.type === 'kelurahan') {
    const rw = String(rng.int(1, 6)).padStart(2, '0');
    return `${rng.pick(STREETS)} No. ${rng.int(1, 180)}, RT ${rt}/RW ${rw}, Kel. ${desa.name}`;
  }
  return `Dusun ${['I', 'II', 'III', 'IV'][rng.int(0, 3)]}, RT ${rt}, Desa ${desa.name}`;
}

const MOBILE_PREFIXES = ['0811', '0812', '0813', '0821', '0822', '0823', '0852', '0853', '0857', '0858', '0877', '0878', '0895', '0896'];

/** Records from before mobile phones were common often have none. */
export function phone(rng: Rng, connectedYear: number): string {
  if (rng.chance(connectedYear < 2005 ? 0.3 : 0.05)) return '';
  const digits = rng.chance(0.7) ? 8 : 7;
  let rest = '';
  for (let i = 0; i < digits; i++) rest += rng.int(0, 9);
  return rng.pick(MOBILE_PREFIXES) + rest;
}
