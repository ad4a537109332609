/** Messages of signing in and out. */
import { defineMessages } from '../define';

export default defineMessages({
  id: {
    'login.title': 'Masuk ke Kaba',
    'login.lead': 'Analitik tunggakan dan kanal pembayaran untuk PDAM.',
    'login.username': 'Nama pengguna',
    'login.password': 'Kata sandi',
    'login.submit': 'Masuk',
    'login.failed': 'Nama pengguna atau kata sandi salah.',
    'login.missing': 'Isi nama pengguna dan kata sandi.',
    'login.rateLimited': 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit.',
    'login.csrf': 'Formulir ini kedaluwarsa. Muat ulang halaman lalu coba lagi.',
    'login.expired': 'Sesi Anda telah berakhir. Silakan masuk lagi.',
    'login.signedOut': 'Anda telah keluar.',
    'login.noUsers': 'Belum ada pengguna. Buat admin pertama di server:',
  },
  en: {
    'login.title': 'Sign in to Kaba',
    'login.lead': 'Arrears and payment-channel analytics for water utilities.',
    'login.username': 'User name',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.failed': 'Wrong user name or password.',
    'login.missing': 'Enter your user name and password.',
    'login.rateLimited': 'Too many failed sign-ins. Try again in {minutes} minutes.',
    'login.csrf': 'This form has expired. Reload the page and try again.',
    'login.expired': 'Your session has expired. Please sign in again.',
    'login.signedOut': 'You have signed out.',
    'login.noUsers': 'There are no users yet. Create the first admin on the server:',
  },
});
