#!/usr/bin/env node
// Deterministic generator for the demo offer catalog (fictional data shaped like Partner Center's
// GET /v1/offers answer: { totalCount, items: [Offer] }).
//
//   node tools/gen-demo-offers.mjs                      -> public/demo/offers.json (base catalog, ~350 offers)
//   node tools/gen-demo-offers.mjs --count 10000        -> public/demo/offers-10k.json (bench catalog)
//   node tools/gen-demo-offers.mjs --count N --out PATH -> N offers to PATH
//
// No Math.random: ids come from a hash of the offer name (so editing the list does not reshuffle
// other ids) and the few pseudo-random choices use a seeded PRNG. Same input -> same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toTurkish } from './demo-offers-tr.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------- PRNG and hashing
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function fnv1a(s) {
  let h = 0x811c9dc5;
  for (const ch of new TextEncoder().encode(s)) {
    h ^= ch;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
// NCE-style product ids: 8-char prefix + 4 chars, then ":" + 4-digit SKU, e.g. CFQ7TTC0LF8Q:0001.
const ID_CHARS = '0123456789BCDFGHJKLMNPQRSTVWXZ';
const usedIds = new Set();
function makeId(name, prefix) {
  for (let salt = 0; ; salt++) {
    const rnd = mulberry32(fnv1a(salt ? `${name}#${salt}` : name));
    let tail = '';
    for (let i = 0; i < 4; i++) tail += ID_CHARS[Math.floor(rnd() * ID_CHARS.length)];
    const sku = String(1 + Math.floor(rnd() * 3)).padStart(4, '0');
    const id = `${prefix}${tail}:${sku}`;
    if (!usedIds.has(id)) {
      usedIds.add(id);
      return id;
    }
  }
}

// ---------------------------------------------------------------- catalog vocabulary
const CAT = {
  productivity: { id: 'Productivity', name: 'Productivity' },
  collaboration: { id: 'Collaboration', name: 'Collaboration' },
  communication: { id: 'Communication', name: 'Communication' },
  security: { id: 'Security', name: 'Security' },
  identity: { id: 'Identity', name: 'Identity' },
  bizapps: { id: 'BusinessApplications', name: 'Business Applications' },
  analytics: { id: 'Analytics', name: 'Analytics' },
  windows: { id: 'Windows', name: 'Windows' },
  azure: { id: 'Azure', name: 'Azure' },
  education: { id: 'Education', name: 'Education' },
};
// Offers of different salesGroupId go in separate orders; an add-on shares its base's group.
const GROUP = { office: 'MicrosoftOffice', dynamics: 'Dynamics', azure: 'Azure', w365: 'Windows365', security: 'Security' };
// Term presets -> [termDurations, supportedBillingCycles]
const TERMS = {
  m: [['P1M'], ['monthly']],
  my: [['P1M', 'P1Y'], ['monthly', 'annual']],
  my3: [['P1M', 'P1Y', 'P3Y'], ['monthly', 'annual', 'triennial']],
  y: [['P1Y'], ['monthly', 'annual']],
  y3: [['P1Y', 'P3Y'], ['monthly', 'annual', 'triennial']],
  trial: [['P1M'], ['none']],
  usage: [null, ['monthly']],
  none: [null, ['none']],
};

// ---------------------------------------------------------------- base catalog
const defs = []; // { name, desc, cat, group, min, max, terms, unit, billing, addOnOf?, trial?, unavailable?, prefix? }
function o(name, desc, cat, group, extra = {}) {
  defs.push({ name, desc, cat, group, min: 1, max: 10000, terms: 'my', unit: 'Licenses', billing: 'license', ...extra });
}
const PROD = CAT.productivity;

// Microsoft 365 / Office 365 suites.
const suites = [
  ['Microsoft 365 Business Basic', 'Web and mobile Office apps, business email, 1 TB of OneDrive storage and Microsoft Teams for organizations of up to 300 users.', { max: 300, terms: 'my3' }],
  ['Microsoft 365 Business Standard', 'Desktop Office apps, business email, file storage and sharing, and Microsoft Teams for organizations of up to 300 users.', { max: 300, terms: 'my3' }],
  ['Microsoft 365 Business Premium', 'Everything in Business Standard plus advanced security, device management and identity protection for up to 300 users. Türkçe dil desteği dahildir.', { max: 300, terms: 'my3' }],
  ['Microsoft 365 Apps for business', 'Desktop versions of Word, Excel, PowerPoint and Outlook with 1 TB of OneDrive storage per user; no business email.', { max: 300 }],
  ['Microsoft 365 Apps for enterprise', 'Office desktop apps with enterprise deployment and management options, plus 1 TB of OneDrive storage per user.', {}],
  ['Microsoft 365 E3', 'Enterprise productivity suite: Office apps, Exchange, SharePoint, Teams, Windows Enterprise, Intune and Entra ID P1.', { terms: 'my3' }],
  ['Microsoft 365 E5', 'Microsoft 365 E3 plus advanced security, compliance, voice and analytics capabilities, including Power BI Pro.', { terms: 'my3' }],
  ['Microsoft 365 F1', 'Teams, SharePoint and web apps for frontline workers who do not need a mailbox.', {}],
  ['Microsoft 365 F3', 'Web and mobile apps, a 2 GB mailbox and Microsoft Teams for frontline workers.', {}],
  ['Office 365 E1', 'Web versions of Office apps with email, file storage and Microsoft Teams.', { terms: 'my3' }],
  ['Office 365 E3', 'Office apps with email, file storage and sharing, meetings and compliance tools.', { terms: 'my3' }],
  ['Office 365 E5', 'Office 365 E3 plus advanced security, analytics and audio conferencing.', { terms: 'my3' }],
  ['Office 365 F3', 'Web and mobile Office apps and a 2 GB mailbox for frontline workers.', {}],
];
for (const [n, d, x] of suites) o(n, d, PROD, GROUP.office, x);
const NO_TEAMS = ['Microsoft 365 Business Basic', 'Microsoft 365 Business Standard', 'Microsoft 365 Business Premium',
  'Microsoft 365 E3', 'Microsoft 365 E5', 'Office 365 E1', 'Office 365 E3', 'Office 365 E5', 'Microsoft 365 F3'];
for (const [n, d, x] of suites.filter(([n]) => NO_TEAMS.includes(n))) {
  o(`${n} (no Teams)`, `${d.replace(/, and Microsoft Teams/, '').replace(/, ([^,]+) and Microsoft Teams/, ' and $1').replace(/, Teams,/, ',')} Does not include Microsoft Teams; add Microsoft Teams Enterprise separately if needed.`, PROD, GROUP.office, x);
}
const NONPROFIT = ['Microsoft 365 Business Basic', 'Microsoft 365 Business Standard', 'Microsoft 365 Business Premium',
  'Microsoft 365 Apps for business', 'Microsoft 365 Apps for enterprise', 'Microsoft 365 E3', 'Microsoft 365 E5',
  'Office 365 E1', 'Office 365 E3', 'Office 365 E5'];
for (const [n, d, x] of suites.filter(([n]) => NONPROFIT.includes(n))) {
  o(`${n} for Nonprofits`, `${d} Discounted pricing for eligible nonprofit organizations.`, PROD, GROUP.office, x);
}
const GCC = ' For US government entities in the Government Community Cloud (GCC).';
o('Microsoft 365 G3 GCC', 'Government edition of Microsoft 365 E3.' + GCC, PROD, GROUP.office, { terms: 'my3' });
o('Microsoft 365 G5 GCC', 'Government edition of Microsoft 365 E5.' + GCC, PROD, GROUP.office, { terms: 'my3' });
o('Microsoft 365 F3 GCC', 'Government edition of Microsoft 365 F3.' + GCC, PROD, GROUP.office);
o('Office 365 G1 GCC', 'Government edition of Office 365 E1.' + GCC, PROD, GROUP.office);
o('Office 365 G3 GCC', 'Government edition of Office 365 E3.' + GCC, PROD, GROUP.office, { terms: 'my3' });
o('Office 365 G5 GCC', 'Government edition of Office 365 E5.' + GCC, PROD, GROUP.office, { terms: 'my3' });
o('Microsoft 365 Business Premium (Government)', 'Microsoft 365 Business Premium for small government organizations.' + GCC, PROD, GROUP.office, { max: 300 });

// Education.
const EDU = CAT.education;
for (const [plan, d] of [['A1', 'Web apps, email, Teams and OneDrive'], ['A3', 'Desktop Office apps, Teams, device management and identity protection'], ['A5', 'A3 plus advanced security, compliance, analytics and voice']]) {
  for (const who of ['faculty', 'students']) {
    o(`Microsoft 365 ${plan} for ${who}`, `${d} for accredited academic institutions (${who}).`, EDU, GROUP.office, { terms: plan === 'A1' ? 'm' : 'my' });
    o(`Office 365 ${plan} for ${who}`, `Office 365 ${plan}: ${d.toLowerCase()} for ${who} at academic institutions.`, EDU, GROUP.office, { terms: plan === 'A1' ? 'm' : 'my' });
  }
}
o('Microsoft 365 A1 for devices', 'One-time purchase that licenses a shared or student device for Microsoft 365 A1.', EDU, GROUP.office, { terms: 'y' , unit: 'Devices' });
o('Microsoft 365 A3 Student Use Benefit', 'Microsoft 365 A3 for students, granted with faculty A3 licenses.', EDU, GROUP.office);
o('Minecraft Education', 'Game-based learning platform for classrooms.', EDU, GROUP.office, { terms: 'y' });
o('Windows 11 Education A3', 'Windows Education upgrade for academic devices.', EDU, GROUP.w365, { terms: 'y' });

// Other productivity.
o('Exchange Online (Plan 1)', 'Business email with a 50 GB mailbox, calendar and contacts.', PROD, GROUP.office, { terms: 'my3' });
o('Exchange Online (Plan 2)', 'Exchange Online Plan 1 plus a 100 GB mailbox, unlimited archiving and data loss prevention.', PROD, GROUP.office);
o('Exchange Online Kiosk', 'Basic email with a 2 GB mailbox for frontline workers (Outlook on the web).', PROD, GROUP.office);
o('Exchange Online (Plan 1) for Nonprofits', 'Business email for eligible nonprofit organizations.', PROD, GROUP.office);
o('Exchange Online (Plan 1) for Government', 'Business email in the Government Community Cloud.' + GCC, PROD, GROUP.office);
o('Exchange Online (Plan 2) for faculty', 'Exchange Online Plan 2 for academic staff.', EDU, GROUP.office);
o('SharePoint (Plan 1)', 'Intranet sites, document libraries and 1 TB of OneDrive storage per user.', CAT.collaboration, GROUP.office);
o('SharePoint (Plan 2)', 'SharePoint Plan 1 plus eDiscovery and compliance features.', CAT.collaboration, GROUP.office);
o('OneDrive for business (Plan 1)', '1 TB of cloud storage per user with sharing and sync.', CAT.collaboration, GROUP.office);
o('Visio Plan 1', 'Web-based diagramming with Visio for the web.', PROD, GROUP.office);
o('Visio Plan 2', 'Visio desktop app plus Visio for the web with templates and shapes for professional diagrams.', PROD, GROUP.office);
o('Visio Plan 2 for Government', 'Visio Plan 2.' + GCC, PROD, GROUP.office);
o('Project Plan 1', 'Web-based project management for team members.', PROD, GROUP.office);
o('Project Plan 3', 'Project desktop client, resource management and roadmaps.', PROD, GROUP.office);
o('Project Plan 5', 'Project Plan 3 plus portfolio selection and demand management.', PROD, GROUP.office);
o('Project Plan 3 for Government', 'Project Plan 3.' + GCC, PROD, GROUP.office);
o('Project Online Essentials', 'Web access for team members to update tasks and timesheets.', PROD, GROUP.office);
o('Planner Plan 1', 'Plan and track team work with Planner, including premium plans.', PROD, GROUP.office);
o('Microsoft Clipchamp Premium', 'Video editor with premium stock, 4K export and brand kits.', PROD, GROUP.office);
o('Microsoft Syntex', 'AI-powered content processing for documents stored in SharePoint.', PROD, GROUP.office, { terms: 'y' });
o('Microsoft Viva Suite', 'Employee experience suite: Viva Connections, Insights, Learning, Goals, Engage and Glint.', CAT.collaboration, GROUP.office, { terms: 'y' });
o('Microsoft Viva Insights', 'Personal and organizational insights on work patterns and well-being.', CAT.collaboration, GROUP.office, { terms: 'y' });
o('Microsoft Viva Learning', 'Bring learning content into the flow of work in Microsoft Teams.', CAT.collaboration, GROUP.office, { terms: 'y' });
o('Microsoft Viva Goals', 'OKR and goal management connected to daily work.', CAT.collaboration, GROUP.office, { terms: 'y' });
o('Microsoft Viva Glint', 'Employee feedback surveys and engagement analytics.', CAT.collaboration, GROUP.office, { terms: 'y' });
o('Microsoft Viva Engage Communications and Communities', 'Leadership engagement, campaigns and communities.', CAT.collaboration, GROUP.office, { terms: 'y' });

// Teams and communication.
const COMM = CAT.communication;
o('Microsoft Teams Essentials', 'Online meetings, chat and file sharing for small businesses. Küçük işletmeler için toplantı, sohbet ve dosya paylaşımı.', COMM, GROUP.office, { max: 300 });
o('Microsoft Teams Enterprise', 'Microsoft Teams for organizations that license Microsoft 365 or Office 365 without Teams.', COMM, GROUP.office);
o('Microsoft Teams Rooms Basic', 'Core meeting experience for up to 25 Teams Rooms devices.', COMM, GROUP.office, { max: 25, unit: 'Devices', terms: 'm' });
o('Microsoft Teams Rooms Pro', 'Enhanced in-room meetings plus remote device management for Teams Rooms.', COMM, GROUP.office, { unit: 'Devices' });
o('Microsoft Teams Shared Devices', 'License for common-area phones and shared Teams displays.', COMM, GROUP.office, { unit: 'Devices' });
o('Microsoft Teams Phone Resource Account', 'Free resource account for auto attendants and call queues.', COMM, GROUP.office, { terms: 'm' });
o('Microsoft Teams Phone with Calling Plan', 'Cloud phone system bundled with a domestic calling plan.', COMM, GROUP.office);

// Security.
const SEC = CAT.security;
o('Microsoft Defender for Endpoint P1', 'Next-generation protection, attack surface reduction and device-based conditional access.', SEC, GROUP.security);
o('Microsoft Defender for Endpoint P2', 'Endpoint detection and response, automated investigation and threat hunting.', SEC, GROUP.security, { terms: 'my3' });
o('Microsoft Defender for Endpoint Server', 'Defender for Endpoint for Windows Server and Linux servers.', SEC, GROUP.security, { unit: 'Devices' });
o('Microsoft Defender for Business', 'Enterprise-grade endpoint security for businesses with up to 300 employees.', SEC, GROUP.security, { max: 300 });
o('Microsoft Defender for Office 365 (Plan 1)', 'Protection against phishing, malicious links and attachments in email and collaboration tools.', SEC, GROUP.security);
o('Microsoft Defender for Office 365 (Plan 2)', 'Plan 1 plus threat investigation, attack simulation training and automated response.', SEC, GROUP.security);
o('Microsoft Defender for Identity', 'Detect identity-based threats across on-premises Active Directory.', SEC, GROUP.security);
o('Microsoft Defender for Cloud Apps', 'Cloud access security broker for visibility and control over SaaS apps.', SEC, GROUP.security);
o('Microsoft Defender Vulnerability Management', 'Continuous asset discovery and risk-based vulnerability prioritization.', SEC, GROUP.security);
o('Microsoft Defender Threat Intelligence', 'Threat intelligence on adversaries and internet infrastructure.', SEC, GROUP.security, { terms: 'y', max: 100 });
o('Exchange Online Protection', 'Cloud-based email filtering against spam and malware.', SEC, GROUP.office);
o('Azure Information Protection Premium P1', 'Classification, labeling and protection of documents and email.', SEC, GROUP.security);
o('Enterprise Mobility + Security E3', 'Identity and device management: Entra ID P1, Intune and Azure Information Protection P1.', SEC, GROUP.security, { terms: 'my3' });
o('Enterprise Mobility + Security E5', 'EMS E3 plus Entra ID P2, Defender for Identity and Defender for Cloud Apps.', SEC, GROUP.security, { terms: 'my3' });
o('Microsoft Intune Plan 1', 'Cloud endpoint management for mobile devices, PCs and apps.', SEC, GROUP.security, { terms: 'my3' });
o('Microsoft Intune Plan 1 for Government', 'Microsoft Intune Plan 1.' + GCC, SEC, GROUP.security);
o('Microsoft Intune Plan 1 for faculty', 'Microsoft Intune Plan 1 for academic staff.', EDU, GROUP.security);
o('Microsoft Purview Suite', 'Data security, governance and compliance across the data estate.', SEC, GROUP.security, { terms: 'y' });
o('Microsoft Defender for Endpoint P1 for Nonprofits', 'Defender for Endpoint P1 for eligible nonprofit organizations.', SEC, GROUP.security);

// Identity.
const ID = CAT.identity;
o('Microsoft Entra ID P1', 'Single sign-on, conditional access, self-service password reset and hybrid identity.', ID, GROUP.security, { terms: 'my3' });
o('Microsoft Entra ID P2', 'Entra ID P1 plus identity protection, risk-based access and privileged identity management.', ID, GROUP.security, { terms: 'my3' });
o('Microsoft Entra ID Governance', 'Lifecycle workflows, entitlement management and access reviews.', ID, GROUP.security, { terms: 'y' });
o('Microsoft Entra Suite', 'Entra Private Access, Internet Access, ID Governance, ID Protection and Verified ID.', ID, GROUP.security, { terms: 'y' });
o('Microsoft Entra Internet Access', 'Identity-centric secure web gateway for internet and SaaS traffic.', ID, GROUP.security, { terms: 'y' });
o('Microsoft Entra Private Access', 'Zero Trust network access to private apps without a VPN.', ID, GROUP.security, { terms: 'y' });
o('Microsoft Entra Workload ID Premium', 'Conditional access and identity protection for apps and service principals.', ID, GROUP.security, { terms: 'y', unit: 'Units' });
o('Microsoft Entra ID P1 for Nonprofits', 'Entra ID P1 for eligible nonprofit organizations.', ID, GROUP.security);
o('Microsoft Entra ID P1 for faculty', 'Entra ID P1 for academic staff.', EDU, GROUP.security);
o('Microsoft Entra ID P1 for Government', 'Entra ID P1.' + GCC, ID, GROUP.security);

// Business applications (Dynamics 365 and Power Platform).
const BIZ = CAT.bizapps;
const D = GROUP.dynamics;
const d365 = [
  ['Dynamics 365 Sales Professional', 'Core sales force automation: leads, opportunities, quotes and forecasting.', {}],
  ['Dynamics 365 Sales Enterprise', 'Advanced sales force automation with customizable processes and AI-driven insights.', { terms: 'my3' }],
  ['Dynamics 365 Sales Premium', 'Sales Enterprise plus conversation intelligence and predictive lead scoring.', {}],
  ['Microsoft Relationship Sales', 'Dynamics 365 Sales Enterprise combined with LinkedIn Sales Navigator.', {}],
  ['Dynamics 365 Customer Service Professional', 'Case management and knowledge base for service teams.', {}],
  ['Dynamics 365 Customer Service Enterprise', 'Omnichannel case routing, service level agreements and knowledge management.', { terms: 'my3' }],
  ['Dynamics 365 Customer Service Premium', 'Customer Service Enterprise plus digital messaging and voice channels.', {}],
  ['Dynamics 365 Contact Center', 'AI-first contact center for voice and digital channels.', {}],
  ['Dynamics 365 Field Service', 'Work orders, scheduling, inventory and mobile apps for field technicians.', {}],
  ['Dynamics 365 Field Service Contractor', 'Field Service access for external contractors.', { min: 5 }],
  ['Dynamics 365 Remote Assist', 'Mixed-reality remote collaboration for frontline workers.', {}],
  ['Dynamics 365 Guides', 'Step-by-step holographic instructions on HoloLens and mobile devices.', {}],
  ['Dynamics 365 Business Central Essentials', 'Finance, sales, purchasing, inventory and projects for small and midsized businesses. Türkiye yerelleştirmesi için iş ortağı uzantıları gerekir.', { terms: 'my3' }],
  ['Dynamics 365 Business Central Premium', 'Business Central Essentials plus service management and manufacturing.', { terms: 'my3' }],
  ['Dynamics 365 Business Central Team Members', 'Read access and light tasks such as approvals and timesheets in Business Central.', {}],
  ['Dynamics 365 Business Central Device', 'Shared device license for point-of-sale, warehouse or shop-floor use of Business Central.', { unit: 'Devices' }],
  ['Dynamics 365 Finance', 'Global financial management, budgeting and analytics for large organizations.', { min: 20 }],
  ['Dynamics 365 Finance Premium', 'Dynamics 365 Finance plus planning, project accounting and advanced analytics.', { min: 20 }],
  ['Dynamics 365 Supply Chain Management', 'Manufacturing, warehousing, transportation and asset management.', { min: 20 }],
  ['Dynamics 365 Supply Chain Management Premium', 'Supply Chain Management plus planning optimization and advanced warehousing.', { min: 20 }],
  ['Dynamics 365 Commerce', 'Unified commerce across e-commerce, in-store and call center channels.', { min: 20 }],
  ['Dynamics 365 Human Resources', 'Employee records, benefits, leave and absence management.', {}],
  ['Dynamics 365 Project Operations', 'Project-based sales, resource planning, delivery and accounting.', {}],
  ['Dynamics 365 Customer Insights', 'Customer data platform and real-time customer journeys.', { terms: 'y', unit: 'Units' }],
  ['Dynamics 365 Customer Insights - Journeys', 'Real-time marketing journeys across email, SMS and push.', { terms: 'y', unit: 'Units' }],
  ['Dynamics 365 Customer Insights - Data', 'Unify customer data and build audience segments.', { terms: 'y', unit: 'Units' }],
  ['Dynamics 365 Team Members', 'Read access and light tasks across Dynamics 365 customer engagement apps.', {}],
  ['Dynamics 365 Intelligent Order Management', 'Orchestrate order fulfilment across channels and partners.', { terms: 'y' }],
  ['Dynamics 365 Fraud Protection', 'Protect revenue from payment fraud and account takeover.', { terms: 'y', unit: 'Units' }],
  ['Dynamics 365 Operations - Activity', 'Activity-level access to Finance and Supply Chain Management.', { min: 5 }],
  ['Dynamics 365 Operations - Device', 'Shared device license for Finance and Supply Chain Management.', { unit: 'Devices' }],
  ['Power Apps Premium', 'Build and run unlimited custom apps with premium connectors and Dataverse.', { terms: 'my3' }],
  ['Power Apps per app', 'Run one custom app or website per license with Dataverse capacity.', {}],
  ['Power Automate Premium', 'Cloud and desktop flows with attended robotic process automation and premium connectors.', { terms: 'my3' }],
  ['Power Automate Process', 'Licenses a single bot or a process automation for unlimited users.', { unit: 'Units' }],
  ['Power Automate Hosted Process', 'Process license with a Microsoft-hosted virtual machine for unattended automation.', { unit: 'Units' }],
  ['Power Pages authenticated users T1', 'Capacity pack of 100 authenticated users per website per month.', { unit: 'Units' }],
  ['Power Pages anonymous users T1', 'Capacity pack of 500 anonymous users per website per month.', { unit: 'Units' }],
  ['Microsoft Copilot Studio', 'Build custom copilots and agents; includes 25,000 messages per month per tenant license.', { terms: 'y', unit: 'Units', max: 100 }],
];
for (const [n, d, x] of d365) o(n, d, BIZ, D, x);
for (const n of ['Dynamics 365 Sales Enterprise', 'Dynamics 365 Customer Service Enterprise', 'Dynamics 365 Business Central Essentials', 'Dynamics 365 Business Central Premium', 'Power Apps Premium', 'Power Automate Premium']) {
  const [, d] = d365.find(([x]) => x === n);
  o(`${n} for Nonprofits`, `${d} Discounted pricing for eligible nonprofit organizations.`, BIZ, D);
  o(`${n} for Government`, `${d}${GCC}`, BIZ, D);
  o(`${n} for faculty`, `${d} Academic pricing for staff of accredited institutions.`, EDU, D);
}

// Analytics (Power BI is sold with Microsoft 365).
const ANA = CAT.analytics;
o('Power BI Pro', 'Self-service analytics: publish, share and collaborate on reports and dashboards.', ANA, GROUP.office, { terms: 'my3' });
o('Power BI Premium Per User', 'Power BI Pro plus paginated reports, AI capabilities and larger model sizes.', ANA, GROUP.office);
o('Power BI Pro for Nonprofits', 'Power BI Pro for eligible nonprofit organizations.', ANA, GROUP.office);
o('Power BI Pro for faculty', 'Power BI Pro for academic staff.', EDU, GROUP.office);
o('Power BI Pro for Government', 'Power BI Pro.' + GCC, ANA, GROUP.office);
o('Power BI Premium Per User for faculty', 'Power BI Premium Per User for academic staff.', EDU, GROUP.office);

// Windows and Windows 365.
const WIN = CAT.windows;
const W = GROUP.w365;
const CONFIGS = [
  [1, 2, '64 GB'], [2, 4, '64 GB'], [2, 4, '128 GB'], [2, 4, '256 GB'], [2, 8, '128 GB'], [2, 8, '256 GB'],
  [4, 16, '128 GB'], [4, 16, '256 GB'], [4, 16, '512 GB'], [8, 32, '128 GB'], [8, 32, '256 GB'], [8, 32, '512 GB'],
];
const cfgName = ([c, r, s]) => `${c} vCPU, ${r} GB, ${s}`;
const cfgDesc = ([c, r, s]) => `Cloud PC with ${c} vCPU, ${r} GB RAM and ${s} storage`;
for (const cfg of CONFIGS) {
  o(`Windows 365 Business ${cfgName(cfg)}`, `${cfgDesc(cfg)} for businesses with up to 300 users.`, WIN, W, { max: 300 });
  o(`Windows 365 Business ${cfgName(cfg)} (with Windows Hybrid Benefit)`, `${cfgDesc(cfg)}, discounted for users already licensed for Windows 10/11 Pro on their primary device.`, WIN, W, { max: 300 });
}
for (const cfg of [...CONFIGS, [16, 64, '512 GB'], [16, 64, '1 TB']]) {
  o(`Windows 365 Enterprise ${cfgName(cfg)}`, `${cfgDesc(cfg)}, managed with Microsoft Intune, for enterprises.`, WIN, W, { terms: 'y3' });
}
for (const cfg of [[2, 4, '64 GB'], [2, 8, '128 GB'], [4, 16, '128 GB'], [4, 16, '256 GB'], [8, 32, '256 GB'], [8, 32, '512 GB']]) {
  o(`Windows 365 Frontline ${cfgName(cfg)}`, `${cfgDesc(cfg)}, shared across shift workers (one license covers up to three users, one at a time).`, WIN, W, { min: 5, terms: 'y' });
}
o('Windows 11 Enterprise E3', 'Windows Enterprise per-user upgrade with advanced security and management.', WIN, W, { terms: 'my3' });
o('Windows 11 Enterprise E5', 'Windows Enterprise E3 plus Microsoft Defender for Endpoint P2.', WIN, W, { terms: 'my3' });
o('Windows 10 Extended Security Updates (Year 1)', 'Critical and important security updates for Windows 10 devices after end of support.', WIN, W, { terms: 'y', unit: 'Devices' });
o('Universal Print', 'Cloud print management without on-premises print servers.', WIN, W, { terms: 'y', unit: 'Units' });
o('Azure Virtual Desktop per-user access', 'Per-user access rights to Azure Virtual Desktop for external users.', WIN, W, { terms: 'm' });

// Azure.
const AZ = CAT.azure;
o('Azure plan', 'Pay-as-you-go access to Azure services, billed on consumption.', AZ, GROUP.azure, { max: 1, terms: 'usage', billing: 'usage', unit: 'Subscription', prefix: 'DZH318Z0' });
o('Azure plan (US Government)', 'Azure Government services, billed on consumption.' + GCC, AZ, GROUP.azure, { max: 1, terms: 'usage', billing: 'usage', unit: 'Subscription', prefix: 'DZH318Z0' });
o('Azure Savings Plan for Compute', 'Commit to an hourly spend on compute for one or three years in exchange for lower prices.', AZ, GROUP.azure, { max: 1, terms: 'y3', billing: 'usage', unit: 'Subscription', prefix: 'DZH318Z0' });
o('Azure DevOps Basic Plan', 'Azure Boards, Repos and Pipelines access for one user.', AZ, GROUP.azure, { terms: 'm', prefix: 'DZH318Z0' });
o('Azure DevOps Basic + Test Plans', 'Azure DevOps Basic plus manual and exploratory testing.', AZ, GROUP.azure, { terms: 'm', prefix: 'DZH318Z0' });
o('Microsoft Sentinel Commitment Tier 100 GB per day', 'Security information and event management with a daily ingestion commitment.', AZ, GROUP.azure, { max: 1, terms: 'm', billing: 'usage', unit: 'Units', prefix: 'DZH318Z0' });
o('Microsoft Fabric Capacity F2', 'Fabric capacity for data engineering, warehousing and Power BI.', AZ, GROUP.azure, { max: 10, terms: 'my', unit: 'Capacity', prefix: 'DZH318Z0' });

// Segment variants of other families.
const SEGMENTS = [
  ['for Nonprofits', ' Discounted pricing for eligible nonprofit organizations.', null],
  ['for Government', GCC, null],
  ['for faculty', ' Academic pricing for staff of accredited institutions.', EDU],
];
const variant = (n, which) => {
  const b = defs.find((x) => x.name === n);
  if (!b) throw new Error(`variant base missing: ${n}`);
  const [suffix, extra, cat] = SEGMENTS.find(([s]) => s === which);
  o(`${n} ${suffix}`, b.desc + extra, cat ?? b.cat, b.group, { min: b.min, max: b.max, terms: b.terms, unit: b.unit, billing: b.billing });
};
for (const n of ['Enterprise Mobility + Security E3', 'Enterprise Mobility + Security E5', 'Microsoft Defender for Office 365 (Plan 1)', 'Microsoft Defender for Endpoint P2']) {
  for (const [s] of SEGMENTS) variant(n, s);
}
for (const n of ['Dynamics 365 Sales Professional', 'Dynamics 365 Customer Service Professional', 'Dynamics 365 Field Service',
  'Power BI Premium Per User', 'Visio Plan 1', 'Visio Plan 2', 'Project Plan 3', 'Project Plan 5']) variant(n, 'for Nonprofits');
variant('Power BI Premium Per User', 'for Government');
variant('Visio Plan 2', 'for faculty');
variant('Project Plan 3', 'for faculty');

// ---------------------------------------------------------------- add-ons (isAddOn, prerequisiteOffers)
const M365_ALL = ['Microsoft 365 Business Basic', 'Microsoft 365 Business Standard', 'Microsoft 365 Business Premium',
  'Microsoft 365 E3', 'Microsoft 365 E5', 'Office 365 E1', 'Office 365 E3', 'Office 365 E5'];
const M365_NO_E5 = M365_ALL.filter((n) => !n.endsWith('E5'));
const addOn = (name, desc, cat, group, prereqs, extra = {}) => o(name, desc, cat, group, { addOnOf: prereqs, ...extra });
addOn('Microsoft Teams Audio Conferencing with dial-out to USA/CAN', 'Lets meeting participants join Teams meetings by phone; includes dial-out to the US and Canada.', COMM, GROUP.office,
  [...M365_NO_E5, 'Microsoft 365 E3 (no Teams)', 'Microsoft Teams Enterprise', 'Microsoft Teams Essentials']);
addOn('Microsoft Teams Premium', 'Intelligent recap, advanced meeting protection, branded meetings and webinars.', COMM, GROUP.office,
  [...M365_ALL, 'Microsoft 365 F1', 'Microsoft 365 F3', 'Microsoft Teams Enterprise', 'Microsoft Teams Essentials']);
addOn('Microsoft Teams Phone Standard', 'Cloud phone system: make, receive and transfer calls in Microsoft Teams.', COMM, GROUP.office,
  [...M365_NO_E5, 'Microsoft Teams Enterprise']);
addOn('Microsoft Teams Phone Standard for Frontline Workers', 'Teams Phone for frontline workers licensed with F1 or F3.', COMM, GROUP.office,
  ['Microsoft 365 F1', 'Microsoft 365 F3', 'Office 365 F3']);
addOn('Microsoft Teams Phone Standard for GCC', 'Teams Phone Standard.' + GCC, COMM, GROUP.office, ['Microsoft 365 G3 GCC', 'Office 365 G1 GCC', 'Office 365 G3 GCC']);
addOn('Microsoft Teams Audio Conferencing for GCC', 'Dial-in audio conferencing for Teams meetings.' + GCC, COMM, GROUP.office,
  ['Microsoft 365 G3 GCC', 'Office 365 G1 GCC', 'Office 365 G3 GCC', 'Microsoft 365 Business Premium (Government)']);
const PHONE = ['Microsoft Teams Phone Standard', 'Microsoft 365 E5', 'Office 365 E5', 'Microsoft 365 E5 (no Teams)'];
addOn('Microsoft Teams Domestic Calling Plan', 'Domestic calling minutes for Teams Phone users.', COMM, GROUP.office, PHONE);
addOn('Microsoft Teams International Calling Plan', 'Domestic and international calling minutes for Teams Phone users.', COMM, GROUP.office, PHONE);
addOn('Microsoft Teams Calling Plan pay-as-you-go (Zone A)', 'Pay-per-minute calling for Teams Phone users in Zone A countries.', COMM, GROUP.office, PHONE, { terms: 'm' });
addOn('Microsoft Teams Communications Credits', 'Prepaid balance for toll-free numbers and pay-per-minute calls.', COMM, GROUP.office,
  ['Microsoft Teams Phone Standard', 'Microsoft 365 E5', 'Office 365 E5'], { terms: 'm', unit: 'Units', max: 1 });
addOn('Microsoft 365 Copilot', 'AI assistant in Word, Excel, PowerPoint, Outlook and Teams, grounded in your work data.', PROD, GROUP.office,
  [...M365_ALL, 'Microsoft 365 Apps for business', 'Microsoft 365 Apps for enterprise', 'Microsoft 365 F1', 'Microsoft 365 F3'], { terms: 'my3' });
addOn('Microsoft 365 Copilot for Nonprofits', 'Microsoft 365 Copilot for eligible nonprofit organizations.', PROD, GROUP.office,
  ['Microsoft 365 Business Basic for Nonprofits', 'Microsoft 365 Business Standard for Nonprofits', 'Microsoft 365 Business Premium for Nonprofits', 'Microsoft 365 E3 for Nonprofits', 'Microsoft 365 E5 for Nonprofits']);
addOn('Microsoft 365 Copilot for Government', 'Microsoft 365 Copilot.' + GCC, PROD, GROUP.office,
  ['Microsoft 365 G3 GCC', 'Microsoft 365 G5 GCC', 'Office 365 G3 GCC', 'Office 365 G5 GCC', 'Microsoft 365 Business Premium (Government)']);
addOn('Microsoft 365 Copilot for faculty', 'Microsoft 365 Copilot for academic staff.', EDU, GROUP.office,
  ['Microsoft 365 A1 for faculty', 'Microsoft 365 A3 for faculty', 'Microsoft 365 A5 for faculty', 'Office 365 A3 for faculty', 'Office 365 A5 for faculty']);
addOn('Microsoft 365 E5 Security', 'Adds Defender XDR, Entra ID P2 and Defender for Identity to Microsoft 365 E3.', SEC, GROUP.office,
  ['Microsoft 365 E3', 'Microsoft 365 E3 (no Teams)', 'Microsoft 365 E3 for Nonprofits', 'Microsoft 365 Business Premium']);
addOn('Microsoft 365 E5 Compliance', 'Adds information protection, insider risk management and eDiscovery to Microsoft 365 E3.', SEC, GROUP.office,
  ['Microsoft 365 E3', 'Microsoft 365 E3 (no Teams)', 'Microsoft 365 E3 for Nonprofits']);
addOn('Microsoft 365 F5 Security', 'Adds endpoint and identity protection to Microsoft 365 F1 and F3.', SEC, GROUP.office, ['Microsoft 365 F1', 'Microsoft 365 F3']);
addOn('Microsoft 365 F5 Compliance', 'Adds compliance capabilities to Microsoft 365 F1 and F3.', SEC, GROUP.office, ['Microsoft 365 F1', 'Microsoft 365 F3']);
addOn('Microsoft 365 A5 Security for faculty', 'Adds A5 security capabilities to Microsoft 365 A3 for faculty.', EDU, GROUP.office, ['Microsoft 365 A3 for faculty']);
addOn('Exchange Online Archiving for Exchange Online', 'Unlimited archiving and legal hold for Exchange Online mailboxes.', PROD, GROUP.office,
  ['Exchange Online (Plan 1)', 'Exchange Online Kiosk', 'Microsoft 365 Business Basic', 'Microsoft 365 Business Standard', 'Office 365 E1']);
addOn('Office 365 Extra File Storage', 'Additional SharePoint storage for the organization, per GB.', PROD, GROUP.office,
  [...M365_ALL, 'SharePoint (Plan 1)', 'SharePoint (Plan 2)'], { unit: 'Capacity', max: 100000 });
addOn('SharePoint Advanced Management', 'Site lifecycle management, data access governance and restricted access control.', CAT.collaboration, GROUP.office,
  ['Microsoft 365 E3', 'Microsoft 365 E5', 'Office 365 E3', 'Office 365 E5', 'SharePoint (Plan 2)']);
addOn('Power BI Premium Per User Add-On', 'Upgrades Power BI Pro users (standalone or in Microsoft 365 E5) to Premium Per User.', ANA, GROUP.office,
  ['Power BI Pro', 'Microsoft 365 E5', 'Office 365 E5', 'Power BI Pro for Nonprofits']);
addOn('Microsoft Intune Plan 2', 'Advanced endpoint management: specialized devices and firmware updates.', SEC, GROUP.security,
  ['Microsoft Intune Plan 1', 'Enterprise Mobility + Security E3', 'Enterprise Mobility + Security E5']);
addOn('Microsoft Intune Suite', 'Remote Help, Endpoint Privilege Management, Advanced Analytics, Cloud PKI and Plan 2 capabilities.', SEC, GROUP.security,
  ['Microsoft Intune Plan 1', 'Enterprise Mobility + Security E3', 'Enterprise Mobility + Security E5']);
addOn('Microsoft Intune Remote Help', 'Secure helpdesk remote assistance for Intune-managed devices.', SEC, GROUP.security,
  ['Microsoft Intune Plan 1', 'Enterprise Mobility + Security E3', 'Enterprise Mobility + Security E5']);
addOn('Microsoft Intune Endpoint Privilege Management', 'Let standard users run approved tasks that need elevation.', SEC, GROUP.security,
  ['Microsoft Intune Plan 1', 'Enterprise Mobility + Security E3', 'Enterprise Mobility + Security E5']);
addOn('Microsoft Defender Vulnerability Management Add-on', 'Adds premium vulnerability management to Defender for Endpoint P2.', SEC, GROUP.security,
  ['Microsoft Defender for Endpoint P2', 'Enterprise Mobility + Security E5']);
addOn('Microsoft Defender for Business servers', 'Extends Defender for Business to Windows and Linux servers.', SEC, GROUP.security, ['Microsoft Defender for Business'], { unit: 'Devices', max: 60 });
addOn('Microsoft Defender Experts for XDR', 'Managed extended detection and response from Microsoft security experts.', SEC, GROUP.security,
  ['Microsoft Defender for Endpoint P2', 'Enterprise Mobility + Security E5'], { min: 5, terms: 'y' });
addOn('Microsoft Entra ID Governance Step Up for Microsoft Entra ID P2', 'Adds Entra ID Governance to existing Entra ID P2 users.', ID, GROUP.security,
  ['Microsoft Entra ID P2', 'Enterprise Mobility + Security E5'], { terms: 'y' });
addOn('Dynamics 365 Sales Enterprise Attach', 'Sales Enterprise at attach pricing for users with another qualifying Dynamics 365 base license.', BIZ, D,
  ['Dynamics 365 Customer Service Enterprise', 'Dynamics 365 Field Service', 'Dynamics 365 Customer Service Premium']);
addOn('Dynamics 365 Customer Service Enterprise Attach', 'Customer Service Enterprise at attach pricing for users with a qualifying base license.', BIZ, D,
  ['Dynamics 365 Sales Enterprise', 'Dynamics 365 Sales Premium', 'Dynamics 365 Field Service']);
addOn('Dynamics 365 Field Service Attach', 'Field Service at attach pricing for users with a qualifying base license.', BIZ, D,
  ['Dynamics 365 Sales Enterprise', 'Dynamics 365 Customer Service Enterprise']);
addOn('Dynamics 365 Supply Chain Management Attach', 'Supply Chain Management for users licensed for Dynamics 365 Finance.', BIZ, D, ['Dynamics 365 Finance', 'Dynamics 365 Finance Premium']);
addOn('Dynamics 365 Finance Attach', 'Finance for users licensed for Supply Chain Management.', BIZ, D, ['Dynamics 365 Supply Chain Management', 'Dynamics 365 Supply Chain Management Premium']);
addOn('Dynamics 365 Customer Service Digital Messaging add-on', 'Chat, SMS and social messaging channels for Customer Service.', BIZ, D,
  ['Dynamics 365 Customer Service Enterprise', 'Dynamics 365 Customer Service Professional']);
addOn('Dynamics 365 Customer Service Voice Channel add-on', 'Native voice channel with Azure Communication Services.', BIZ, D, ['Dynamics 365 Customer Service Enterprise']);
addOn('Dynamics 365 Business Central Additional Environment Addon', 'One additional production environment for Business Central.', BIZ, D,
  ['Dynamics 365 Business Central Essentials', 'Dynamics 365 Business Central Premium'], { unit: 'Units', max: 10 });
addOn('Dynamics 365 Business Central Database Capacity', 'Additional 1 GB of Business Central database storage.', BIZ, D,
  ['Dynamics 365 Business Central Essentials', 'Dynamics 365 Business Central Premium'], { unit: 'Capacity', max: 1000 });
addOn('Dataverse Database Capacity add-on', 'Additional 1 GB of Dataverse database capacity.', BIZ, D,
  ['Power Apps Premium', 'Power Apps per app', 'Dynamics 365 Sales Enterprise', 'Dynamics 365 Customer Service Enterprise'], { unit: 'Capacity' });
addOn('Dataverse File Capacity add-on', 'Additional 1 GB of Dataverse file capacity.', BIZ, D,
  ['Power Apps Premium', 'Power Apps per app', 'Dynamics 365 Sales Enterprise', 'Dynamics 365 Customer Service Enterprise'], { unit: 'Capacity' });
addOn('Dataverse Log Capacity add-on', 'Additional 1 GB of Dataverse log capacity.', BIZ, D,
  ['Power Apps Premium', 'Dynamics 365 Sales Enterprise', 'Dynamics 365 Customer Service Enterprise'], { unit: 'Capacity' });
addOn('Power Automate unattended RPA add-on', 'Run one unattended desktop flow bot.', BIZ, D, ['Power Automate Premium', 'Power Automate Process'], { unit: 'Units' });

// ---------------------------------------------------------------- trials (isTrial, max 25)
const TRIALS = ['Microsoft 365 Business Basic', 'Microsoft 365 Business Standard', 'Microsoft 365 Business Premium',
  'Microsoft 365 E3', 'Microsoft 365 E5', 'Office 365 E3', 'Microsoft Teams Essentials', 'Microsoft Defender for Endpoint P2',
  'Microsoft Defender for Business', 'Enterprise Mobility + Security E5', 'Microsoft Entra ID P2', 'Microsoft Intune Plan 1',
  'Dynamics 365 Sales Enterprise', 'Dynamics 365 Customer Service Enterprise', 'Dynamics 365 Business Central Premium',
  'Power BI Pro', 'Power Apps Premium', 'Project Plan 3', 'Visio Plan 2'];
for (const n of TRIALS) {
  const b = defs.find((x) => x.name === n);
  if (!b) throw new Error(`trial base missing: ${n}`);
  defs.push({ ...b, name: `${n} Trial`, desc: `One-month trial of ${n}. ${b.desc}`, min: 1, max: 25, terms: 'trial', trial: true });
}
defs.push({ ...defs.find((x) => x.name === 'Windows 365 Business 2 vCPU, 4 GB, 64 GB'), name: 'Windows 365 Business 2 vCPU, 4 GB, 64 GB Trial',
  desc: 'One-month trial of Windows 365 Business: cloud PC with 2 vCPU, 4 GB RAM and 64 GB storage.', min: 1, max: 25, terms: 'trial', trial: true });

// ---------------------------------------------------------------- retired offers (isAvailableForPurchase false)
const RETIRED = 'Retired offer: existing subscriptions continue but new purchases are not possible.';
o('Office 365 ProPlus', `Office desktop apps for enterprises. ${RETIRED}`, PROD, GROUP.office, { unavailable: true, terms: 'y' });
o('Office 365 Business Essentials', `Email, file storage and Teams for small businesses. ${RETIRED}`, PROD, GROUP.office, { unavailable: true, max: 300 });
o('Office 365 Business Premium', `Office apps, email and Teams for small businesses. ${RETIRED}`, PROD, GROUP.office, { unavailable: true, max: 300 });
o('Microsoft 365 Business (Legacy)', `Predecessor of Microsoft 365 Business Premium. ${RETIRED}`, PROD, GROUP.office, { unavailable: true, max: 300 });
o('Skype for Business Online (Plan 2)', `Instant messaging, presence and online meetings. ${RETIRED}`, COMM, GROUP.office, { unavailable: true });
o('Microsoft Kaizala Pro', `Mobile messaging and work management for frontline teams. ${RETIRED}`, COMM, GROUP.office, { unavailable: true, terms: 'm' });
o('Microsoft Stream (Plan 2)', `Enterprise video service. ${RETIRED}`, CAT.collaboration, GROUP.office, { unavailable: true });
o('Yammer Enterprise', `Enterprise social network. ${RETIRED}`, CAT.collaboration, GROUP.office, { unavailable: true });
o('Microsoft Teams Exploratory', `Free exploratory Teams experience. ${RETIRED}`, COMM, GROUP.office, { unavailable: true, terms: 'm' });
o('Dynamics 365 for Sales Enterprise Edition (Legacy)', `Previous Dynamics 365 Sales licensing. ${RETIRED}`, BIZ, D, { unavailable: true });
o('Dynamics 365 for Financials Business Edition', `Predecessor of Business Central. ${RETIRED}`, BIZ, D, { unavailable: true });
o('Azure Active Directory Premium P1 (Legacy)', `Previous name and SKU of Entra ID P1. ${RETIRED}`, ID, GROUP.security, { unavailable: true });
o('Microsoft Entra Permissions Management', `Cloud infrastructure entitlement management. ${RETIRED}`, ID, GROUP.security, { unavailable: true, terms: 'y' });
o('Microsoft Azure (MS-AZR-0145P)', `Legacy Azure in CSP subscription; replaced by the Azure plan. ${RETIRED}`, AZ, GROUP.azure,
  { unavailable: true, max: 1, terms: 'usage', billing: 'usage', unit: 'Subscription', prefix: 'DZH318Z0' });

// ---------------------------------------------------------------- build
function buildBase() {
  const byName = new Map();
  const offers = [];
  for (const d of defs) {
    if (byName.has(d.name)) throw new Error(`duplicate offer name: ${d.name}`);
    const [termDurations, cycles] = TERMS[d.terms];
    const offer = {
      id: makeId(d.name, d.prefix ?? 'CFQ7TTC0'),
      name: d.name,
      description: d.desc,
      minimumQuantity: d.min,
      maximumQuantity: d.max,
      isAddOn: Boolean(d.addOnOf),
      prerequisiteOffers: [],
      isAvailableForPurchase: !d.unavailable,
      billing: d.billing,
      supportedBillingCycles: cycles,
      category: d.cat,
      unitType: d.unit,
      isTrial: Boolean(d.trial),
      salesGroupId: d.group,
    };
    if (termDurations) offer.termDurations = termDurations;
    byName.set(d.name, offer);
    offers.push(offer);
  }
  for (const d of defs) {
    if (!d.addOnOf) continue;
    const offer = byName.get(d.name);
    offer.prerequisiteOffers = d.addOnOf.map((n) => {
      const p = byName.get(n);
      if (!p) throw new Error(`${d.name}: prerequisite not in catalog: ${n}`);
      if (p.salesGroupId !== offer.salesGroupId) throw new Error(`${d.name}: prerequisite ${n} is in another sales group`);
      if (p.name === d.name) throw new Error(`${d.name}: requires itself`);
      return p.id;
    });
  }
  return offers;
}

// Bench catalog: the base catalog, then variants "<name> (<market>, <tier>)" until `count` is reached.
const MARKETS = ['EMEA', 'Americas', 'Asia Pacific', 'Türkiye', 'DACH', 'Nordics', 'Benelux', 'Iberia', 'Latin America',
  'Australia and New Zealand', 'Japan', 'India', 'Middle East and Africa', 'United Kingdom and Ireland', 'France', 'Italia',
  'Central and Eastern Europe', 'Canada', 'Gulf Cooperation Council', 'Southeast Asia', 'Korea', 'Greater China'];
const TIERS = ['Small Business', 'Corporate', 'Enterprise', 'Public Sector'];
function buildBench(base, count) {
  const out = [...base.slice(0, count)];
  const variantOf = new Map(); // `${combo}|${baseId}` -> variant offer
  const rnd = mulberry32(20240611);
  let combo = 0;
  while (out.length < count) {
    const market = MARKETS[combo % MARKETS.length];
    const tier = TIERS[Math.floor(combo / MARKETS.length) % TIERS.length];
    const round = Math.floor(combo / (MARKETS.length * TIERS.length));
    const label = `${market}, ${tier}${round ? ` ${round + 1}` : ''}`;
    for (const b of base) {
      if (out.length >= count) break;
      // Trials keep "Trial" as the last word.
      const name = b.isTrial ? `${b.name.replace(/ Trial$/, '')} (${label}) Trial` : `${b.name} (${label})`;
      const v = { ...b, id: makeId(name, b.id.slice(0, 8)), name, description: `${b.description} (${label} edition.)` };
      if (!b.isTrial && b.maximumQuantity > 1 && rnd() < 0.2) v.maximumQuantity = Math.max(v.minimumQuantity, Math.round(b.maximumQuantity / 2));
      variantOf.set(`${combo}|${b.id}`, v);
      out.push(v);
    }
    combo++;
  }
  for (const [key, v] of variantOf) {
    if (!v.isAddOn) continue;
    const c = key.split('|')[0];
    v.prerequisiteOffers = v.prerequisiteOffers.map((pid) => variantOf.get(`${c}|${pid}`)?.id ?? pid);
  }
  const names = new Set(out.map((x) => x.name));
  if (names.size !== out.length) throw new Error('bench names not unique');
  return out;
}

// ---------------------------------------------------------------- cli
function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const base = buildBase();
const count = arg('--count') ? Number(arg('--count')) : base.length;
if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');
const outPath = resolve(arg('--out') ?? (arg('--count') ? `${ROOT}/public/demo/offers-10k.json` : `${ROOT}/public/demo/offers.json`));
const items = count <= base.length ? base.slice(0, count) : buildBench(base, count);
if (count < base.length) {
  // Keep the prefix self-consistent: drop prerequisites that fell outside it.
  const ids = new Set(items.map((x) => x.id));
  for (const it of items) it.prerequisiteOffers = it.prerequisiteOffers.filter((p) => ids.has(p));
}
mkdirSync(dirname(outPath), { recursive: true });
// One offer per block, scalar arrays inline: readable and diff-friendly without being huge.
function write(path, items) {
  const body = items.map((it) => '    ' + JSON.stringify(it, null, 0)
    .replace(/^\{/, '{ ').replace(/\}$/, ' }').replace(/,"/g, ', "').replace(/":/g, '": ')).join(',\n');
  const text = `{\n  "totalCount": ${items.length},\n  "items": [\n${body}\n  ]\n}\n`;
  if (JSON.stringify(JSON.parse(text).items) !== JSON.stringify(items)) throw new Error('formatting changed the data');
  writeFileSync(path, text);
}
write(outPath, items);
// The base catalog also in Turkish (the demo backend's answer for X-Locale tr-TR).
if (!arg('--count') && !arg('--out')) {
  const trPath = `${ROOT}/public/demo/offers.tr.json`;
  const tr = toTurkish(items);
  write(trPath, tr);
  console.log(`${trPath}: ${tr.filter((x, i) => x.description !== items[i].description).length} of ${tr.length} descriptions in Turkish`);
}
const n = (f) => items.filter(f).length;
console.log(`${outPath}: ${items.length} offers, ${n((x) => x.isAddOn)} add-ons, ${n((x) => x.isTrial)} trials, ${n((x) => !x.isAvailableForPurchase)} unavailable`);
