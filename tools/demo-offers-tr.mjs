// Turkish texts of the demo offer catalog: what Partner Center answers for `X-Locale: tr-TR`.
// Used by tools/gen-demo-offers.mjs to write public/demo/offers.tr.json next to offers.json.
//
// As in Partner Center, product names stay as Microsoft names them (brand names are not
// translated); categories are translated, and so are the descriptions of the most common
// offers and of whole families (trials, Windows 365, nonprofit / government / academic
// editions). A description without a translation stays English, as Partner Center falls back
// to English where a text is not localized.

export const CATEGORY_TR = {
  Productivity: 'Üretkenlik',
  Collaboration: 'İş birliği',
  Communication: 'İletişim',
  Security: 'Güvenlik',
  Identity: 'Kimlik',
  BusinessApplications: 'İş uygulamaları',
  Analytics: 'Analiz',
  Windows: 'Windows',
  Azure: 'Azure',
  Education: 'Eğitim',
};

// English description (as in offers.json, without the family sentences below) -> Turkish.
const DESC_TR = {
  'Web and mobile Office apps, business email, 1 TB of OneDrive storage and Microsoft Teams for organizations of up to 300 users.':
    'En fazla 300 kullanıcılı kuruluşlar için web ve mobil Office uygulamaları, iş e-postası, 1 TB OneDrive depolama alanı ve Microsoft Teams.',
  'Desktop Office apps, business email, file storage and sharing, and Microsoft Teams for organizations of up to 300 users.':
    'En fazla 300 kullanıcılı kuruluşlar için masaüstü Office uygulamaları, iş e-postası, dosya depolama ve paylaşma ile Microsoft Teams.',
  'Everything in Business Standard plus advanced security, device management and identity protection for up to 300 users. Türkçe dil desteği dahildir.':
    'En fazla 300 kullanıcı için Business Standard’daki her şey, ayrıca gelişmiş güvenlik, cihaz yönetimi ve kimlik koruması. Türkçe dil desteği dahildir.',
  'Desktop versions of Word, Excel, PowerPoint and Outlook with 1 TB of OneDrive storage per user; no business email.':
    'Kullanıcı başına 1 TB OneDrive depolama alanıyla Word, Excel, PowerPoint ve Outlook’un masaüstü sürümleri; iş e-postası içermez.',
  'Office desktop apps with enterprise deployment and management options, plus 1 TB of OneDrive storage per user.':
    'Kurumsal dağıtım ve yönetim seçenekleriyle Office masaüstü uygulamaları ve kullanıcı başına 1 TB OneDrive depolama alanı.',
  'Enterprise productivity suite: Office apps, Exchange, SharePoint, Teams, Windows Enterprise, Intune and Entra ID P1.':
    'Kurumsal üretkenlik paketi: Office uygulamaları, Exchange, SharePoint, Teams, Windows Enterprise, Intune ve Entra ID P1.',
  'Microsoft 365 E3 plus advanced security, compliance, voice and analytics capabilities, including Power BI Pro.':
    'Microsoft 365 E3, ayrıca Power BI Pro dahil gelişmiş güvenlik, uyumluluk, ses ve analiz özellikleri.',
  'Teams, SharePoint and web apps for frontline workers who do not need a mailbox.':
    'Posta kutusuna ihtiyaç duymayan ön saf çalışanları için Teams, SharePoint ve web uygulamaları.',
  'Web and mobile apps, a 2 GB mailbox and Microsoft Teams for frontline workers.':
    'Ön saf çalışanları için web ve mobil uygulamalar, 2 GB posta kutusu ve Microsoft Teams.',
  'Web versions of Office apps with email, file storage and Microsoft Teams.':
    'E-posta, dosya depolama ve Microsoft Teams ile Office uygulamalarının web sürümleri.',
  'Office apps with email, file storage and sharing, meetings and compliance tools.':
    'E-posta, dosya depolama ve paylaşma, toplantı ve uyumluluk araçlarıyla Office uygulamaları.',
  'Office 365 E3 plus advanced security, analytics and audio conferencing.':
    'Office 365 E3, ayrıca gelişmiş güvenlik, analiz ve sesli konferans.',
  'Web and mobile Office apps and a 2 GB mailbox for frontline workers.':
    'Ön saf çalışanları için web ve mobil Office uygulamaları ve 2 GB posta kutusu.',
  'Business email with a 50 GB mailbox, calendar and contacts.':
    '50 GB posta kutusu, takvim ve kişilerle iş e-postası.',
  'Exchange Online Plan 1 plus a 100 GB mailbox, unlimited archiving and data loss prevention.':
    'Exchange Online Plan 1, ayrıca 100 GB posta kutusu, sınırsız arşivleme ve veri kaybı önleme.',
  'Online meetings, chat and file sharing for small businesses. Küçük işletmeler için toplantı, sohbet ve dosya paylaşımı.':
    'Küçük işletmeler için çevrimiçi toplantı, sohbet ve dosya paylaşımı.',
  'Microsoft Teams for organizations that license Microsoft 365 or Office 365 without Teams.':
    'Microsoft 365 veya Office 365’i Teams olmadan lisanslayan kuruluşlar için Microsoft Teams.',
  'Intelligent recap, advanced meeting protection, branded meetings and webinars.':
    'Akıllı özet, gelişmiş toplantı koruması, markalı toplantılar ve web seminerleri.',
  'Cloud phone system: make, receive and transfer calls in Microsoft Teams.':
    'Bulut telefon sistemi: Microsoft Teams’te arama yapın, aramaları yanıtlayın ve aktarın.',
  'Lets meeting participants join Teams meetings by phone; includes dial-out to the US and Canada.':
    'Toplantı katılımcılarının Teams toplantılarına telefonla katılmasını sağlar; ABD ve Kanada’ya dış arama dahildir.',
  'AI assistant in Word, Excel, PowerPoint, Outlook and Teams, grounded in your work data.':
    'İş verilerinize dayanan, Word, Excel, PowerPoint, Outlook ve Teams’te yapay zekâ yardımcısı.',
  'Enterprise-grade endpoint security for businesses with up to 300 employees.':
    'En fazla 300 çalışanı olan işletmeler için kurumsal düzeyde uç nokta güvenliği.',
  'Next-generation protection, attack surface reduction and device-based conditional access.':
    'Yeni nesil koruma, saldırı yüzeyini azaltma ve cihaza dayalı koşullu erişim.',
  'Endpoint detection and response, automated investigation and threat hunting.':
    'Uç nokta algılama ve yanıt, otomatik araştırma ve tehdit avcılığı.',
  'Protection against phishing, malicious links and attachments in email and collaboration tools.':
    'E-postada ve iş birliği araçlarında kimlik avına, kötü amaçlı bağlantılara ve eklere karşı koruma.',
  'Single sign-on, conditional access, self-service password reset and hybrid identity.':
    'Çoklu oturum açma, koşullu erişim, self servis parola sıfırlama ve karma kimlik.',
  'Entra ID P1 plus identity protection, risk-based access and privileged identity management.':
    'Entra ID P1, ayrıca kimlik koruması, riske dayalı erişim ve ayrıcalıklı kimlik yönetimi.',
  'Cloud endpoint management for mobile devices, PCs and apps.':
    'Mobil cihazlar, bilgisayarlar ve uygulamalar için bulut tabanlı uç nokta yönetimi.',
  'Identity and device management: Entra ID P1, Intune and Azure Information Protection P1.':
    'Kimlik ve cihaz yönetimi: Entra ID P1, Intune ve Azure Information Protection P1.',
  'EMS E3 plus Entra ID P2, Defender for Identity and Defender for Cloud Apps.':
    'EMS E3, ayrıca Entra ID P2, Defender for Identity ve Defender for Cloud Apps.',
  'Self-service analytics: publish, share and collaborate on reports and dashboards.':
    'Self servis analiz: raporları ve panoları yayımlayın, paylaşın ve birlikte çalışın.',
  'Power BI Pro plus paginated reports, AI capabilities and larger model sizes.':
    'Power BI Pro, ayrıca sayfalandırılmış raporlar, yapay zekâ özellikleri ve daha büyük model boyutları.',
  'Visio desktop app plus Visio for the web with templates and shapes for professional diagrams.':
    'Profesyonel diyagramlar için şablon ve şekillerle Visio masaüstü uygulaması ve web için Visio.',
  'Project desktop client, resource management and roadmaps.':
    'Project masaüstü istemcisi, kaynak yönetimi ve yol haritaları.',
  'Finance, sales, purchasing, inventory and projects for small and midsized businesses. Türkiye yerelleştirmesi için iş ortağı uzantıları gerekir.':
    'Küçük ve orta ölçekli işletmeler için finans, satış, satın alma, stok ve projeler. Türkiye yerelleştirmesi için iş ortağı uzantıları gerekir.',
  'Business Central Essentials plus service management and manufacturing.':
    'Business Central Essentials, ayrıca hizmet yönetimi ve üretim.',
  'Build and run unlimited custom apps with premium connectors and Dataverse.':
    'Premium bağlayıcılar ve Dataverse ile sınırsız özel uygulama oluşturun ve çalıştırın.',
  'Core sales force automation: leads, opportunities, quotes and forecasting.':
    'Temel satış gücü otomasyonu: müşteri adayları, fırsatlar, teklifler ve tahminler.',
  'Advanced sales force automation with customizable processes and AI-driven insights.':
    'Özelleştirilebilir süreçler ve yapay zekâ destekli içgörülerle gelişmiş satış gücü otomasyonu.',
};

Object.assign(DESC_TR, {
  'Azure DevOps Basic plus manual and exploratory testing.': 'Azure DevOps Basic, ayrıca el ile ve keşif amaçlı test.',
  'Azure Boards, Repos and Pipelines access for one user.': 'Bir kullanıcı için Azure Boards, Repos ve Pipelines erişimi.',
  'Classification, labeling and protection of documents and email.': 'Belgelerin ve e-postaların sınıflandırılması, etiketlenmesi ve korunması.',
  'Pay-as-you-go access to Azure services, billed on consumption.': 'Azure hizmetlerine kullandıkça öde erişimi, tüketime göre faturalanır.',
  'Azure Government services, billed on consumption.': 'Azure Government hizmetleri, tüketime göre faturalanır.',
  'Commit to an hourly spend on compute for one or three years in exchange for lower prices.': 'Daha düşük fiyatlar karşılığında bir veya üç yıl boyunca saatlik işlem harcaması taahhüdü.',
  'Per-user access rights to Azure Virtual Desktop for external users.': 'Dış kullanıcılar için kullanıcı başına Azure Virtual Desktop erişim hakları.',
  'Additional 1 GB of Dataverse database capacity.': 'Ek 1 GB Dataverse veritabanı kapasitesi.',
  'Additional 1 GB of Dataverse file capacity.': 'Ek 1 GB Dataverse dosya kapasitesi.',
  'Additional 1 GB of Dataverse log capacity.': 'Ek 1 GB Dataverse günlük kapasitesi.',
  'Omnichannel case routing, service level agreements and knowledge management.': 'Çok kanallı servis talebi yönlendirme, hizmet düzeyi sözleşmeleri ve bilgi yönetimi.',
  'Case management and knowledge base for service teams.': 'Hizmet ekipleri için servis talebi yönetimi ve bilgi bankası.',
  'Work orders, scheduling, inventory and mobile apps for field technicians.': 'Saha teknisyenleri için iş emirleri, planlama, stok ve mobil uygulamalar.',
  'Global financial management, budgeting and analytics for large organizations.': 'Büyük kuruluşlar için küresel finans yönetimi, bütçeleme ve analiz.',
  'Previous name and SKU of Entra ID P1.': 'Entra ID P1’in önceki adı ve SKU’su.',
  'Predecessor of Business Central.': 'Business Central’ın öncülü.',
  'Previous Dynamics 365 Sales licensing.': 'Önceki Dynamics 365 Sales lisanslaması.',
  'Office desktop apps for enterprises.': 'Kurumlar için Office masaüstü uygulamaları.',
  'Email, file storage and Teams for small businesses.': 'Küçük işletmeler için e-posta, dosya depolama ve Teams.',
  'Office apps, email and Teams for small businesses.': 'Küçük işletmeler için Office uygulamaları, e-posta ve Teams.',
  'Enterprise social network.': 'Kurumsal sosyal ağ.',
  'Enterprise video service.': 'Kurumsal video hizmeti.',
  'Predecessor of Microsoft 365 Business Premium.': 'Microsoft 365 Business Premium’un öncülü.',
  'Instant messaging, presence and online meetings.': 'Anlık mesajlaşma, durum bilgisi ve çevrimiçi toplantılar.',
  'Mobile messaging and work management for frontline teams.': 'Ön saf ekipleri için mobil mesajlaşma ve iş yönetimi.',
  'Free exploratory Teams experience.': 'Ücretsiz, keşif amaçlı Teams deneyimi.',
  'Cloud infrastructure entitlement management.': 'Bulut altyapısı yetki yönetimi.',
  'Legacy Azure in CSP subscription; replaced by the Azure plan.': 'CSP’de eski Azure aboneliği; yerini Azure planı aldı.',
});

// Sentences that end whole families of descriptions.
const TAILS = [
  [' Retired offer: existing subscriptions continue but new purchases are not possible.', ' Kullanımdan kaldırılan teklif: mevcut abonelikler sürer ancak yeni satın alma yapılamaz.'],
  [' For US government entities in the Government Community Cloud (GCC).', ' Government Community Cloud (GCC) içindeki ABD kamu kurumları için.'],
  [' Discounted pricing for eligible nonprofit organizations.', ' Uygun kâr amacı gütmeyen kuruluşlar için indirimli fiyat.'],
  [' Academic pricing for staff of accredited institutions.', ' Akredite eğitim kurumlarının personeli için akademik fiyat.'],
  [' Does not include Microsoft Teams; add Microsoft Teams Enterprise separately if needed.', ' Microsoft Teams içermez; gerekirse Microsoft Teams Enterprise’ı ayrıca ekleyin.'],
];

const W365 = /^Cloud PC with (\d+) vCPU, (\d+) GB RAM and (.+?) storage(.*)$/;
const W365_REST = {
  ' for businesses with up to 300 users.': ', en fazla 300 kullanıcılı işletmeler için.',
  ', discounted for users already licensed for Windows 10/11 Pro on their primary device.': ', birincil cihazında Windows 10/11 Pro lisansı olan kullanıcılar için indirimli.',
  ', managed with Microsoft Intune, for enterprises.': ', Microsoft Intune ile yönetilen, kurumlar için.',
  ', shared across shift workers (one license covers up to three users, one at a time).': ', vardiyalı çalışanlar arasında paylaşılır (bir lisans sırayla en fazla üç kullanıcıyı kapsar).',
};

/** The Turkish description, or the English one where there is no translation (never half
 * and half). */
export function describeTr(desc) {
  const english = desc;
  let tail = '';
  for (const [en, tr] of TAILS) {
    if (desc.endsWith(en)) {
      desc = desc.slice(0, -en.length);
      tail = tr + tail;
    }
  }
  const trial = /^One-month trial of (.+?)\. (.*)$/.exec(desc);
  if (trial) {
    const rest = describeTr(trial[2]);
    return rest === trial[2] ? english : `${trial[1]} için bir aylık deneme. ${rest}${tail}`;
  }
  const w = W365.exec(desc);
  if (w && W365_REST[w[4]] !== undefined) {
    return `${w[1]} vCPU, ${w[2]} GB RAM ve ${w[3]} depolama alanına sahip bulut bilgisayar${W365_REST[w[4]]}${tail}`;
  }
  if (DESC_TR[desc]) return DESC_TR[desc] + tail;
  // Only a product name before a family sentence ("Power BI Pro." + GCC) reads well in Turkish.
  if (tail && !/ [a-z]{4,}/.test(desc)) return desc + tail;
  return english;
}

/** offers.json's items as Partner Center would answer them in Turkish. */
export function toTurkish(items) {
  return items.map((it) => ({
    ...it,
    description: describeTr(it.description),
    category: { ...it.category, name: CATEGORY_TR[it.category.id] ?? it.category.name },
  }));
}
