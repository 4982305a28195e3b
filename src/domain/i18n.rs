//! The one translation layer. Every user-visible string is a [`Key`] with an English and a
//! Turkish text, declared side by side so that a key cannot exist in one locale only (the
//! macro makes a missing translation a compile error). Placeholders are `{name}`.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    En,
    Tr,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Tr];

    /// Accepts BCP 47 tags such as `tr`, `tr-TR`, `en-GB`; `None` for unsupported languages.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let lang = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        match lang.as_str() {
            "en" => Some(Locale::En),
            "tr" => Some(Locale::Tr),
            _ => None,
        }
    }

    /// The first supported language in the browser's preference list, else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Locale {
        preferred
            .into_iter()
            .find_map(Locale::from_tag)
            .unwrap_or_default()
    }

    /// The `lang` attribute value.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Tr => "tr",
        }
    }

    /// Locale for `Intl` formatting and the `X-Locale` header.
    pub fn bcp47(self) -> &'static str {
        match self {
            Locale::En => "en-US",
            Locale::Tr => "tr-TR",
        }
    }

    /// The language's own name, for the language switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Tr => "Türkçe",
        }
    }
}

macro_rules! messages {
    ($($key:ident => $en:literal, $tr:literal;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key),* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key),*];

            /// Two tables indexed by the key: a `match` of several hundred arms compiles to
            /// code per arm, a table to two words per text (measured: smaller wasm).
            pub fn text(self, locale: Locale) -> &'static str {
                const EN: &[&str] = &[$($en),*];
                const TR: &[&str] = &[$($tr),*];
                let table = match locale {
                    Locale::En => EN,
                    Locale::Tr => TR,
                };
                table.get(self as usize).copied().unwrap_or_default()
            }
        }
    };
}

messages! {
    AppTitle => "Add a new customer", "Yeni müşteri ekle";
    StepOf => "Step {n} of {total}", "Adım {n} / {total}";
    StepsNav => "Progress", "İlerleme";
    StepAccount => "Account info", "Hesap bilgileri";
    StepSubscriptions => "Subscriptions", "Abonelikler";
    StepReview => "Review", "Gözden geçir";
    StepDone => "Customer added", "Müşteri eklendi";
    StepCompleted => "completed", "tamamlandı";
    StepCurrent => "current step", "geçerli adım";
    Back => "Back", "Geri";
    Cancel => "Cancel", "İptal";
    Continue => "Continue", "Devam";
    NextSubscriptions => "Next: Subscriptions", "Sonraki: Abonelikler";
    NextReview => "Next: Review", "Sonraki: Gözden geçir";
    ErrorTitlePrefix => "Error: ", "Hata: ";
    ErrorSummaryTitle => "There is a problem", "Bir sorun var";
    Optional => "(optional)", "(isteğe bağlı)";
    Loading => "Loading…", "Yükleniyor…";
    Retry => "Try again", "Yeniden dene";
    LanguageLabel => "Language", "Dil";
    DemoBanner => "Demo mode: no real customer is created.", "Demo modu: gerçek müşteri oluşturulmaz.";
    AccountIntro => "Enter the customer's legal company details and primary contact.", "Müşterinin resmî şirket bilgilerini ve birincil ilgili kişisini girin.";
    CompanySection => "Company", "Şirket";
    AddressSection => "Address", "Adres";
    ContactSection => "Primary contact", "Birincil ilgili kişi";
    Country => "Country or region", "Ülke veya bölge";
    CountryHint => "Choose this first: it decides the address rules.", "Önce bunu seçin: adres kuralları buna göre belirlenir.";
    CountryChoose => "Choose a country", "Bir ülke seçin";
    CompanyName => "Company legal name", "Şirketin yasal adı";
    CompanyNameHint => "The full legal name as on official documents, without abbreviations.", "Resmî belgelerdeki tam yasal ad, kısaltma olmadan.";
    DomainPrefix => "Domain name", "Etki alanı adı";
    DomainPrefixHint => "Letters and digits only. The domain can never be changed later.", "Yalnızca harf ve rakam. Etki alanı daha sonra değiştirilemez.";
    AddressLine1 => "Address line 1", "Adres satırı 1";
    AddressLine2 => "Address line 2", "Adres satırı 2";
    City => "Town or city", "İlçe veya şehir";
    State => "State or province", "Eyalet veya il";
    PostalCode => "Postal code", "Posta kodu";
    FirstName => "First name", "Ad";
    LastName => "Last name", "Soyadı";
    Email => "Email address", "E-posta adresi";
    Phone => "Phone number", "Telefon numarası";
    SubscriptionsIntro => "Choose the offers the customer wants and the number of licenses for each.", "Müşterinin istediği teklifleri ve her biri için lisans sayısını seçin.";
    OffersLoaded => "{count} offers available", "{count} teklif mevcut";
    OfferCountOne => "1 offer", "1 teklif";
    OfferCountOther => "{count} offers", "{count} teklif";
    ReviewIntro => "Check the details before you create the customer.", "Müşteriyi oluşturmadan önce bilgileri kontrol edin.";
    NotProvided => "Not provided", "Belirtilmedi";
    CreateCustomer => "Create customer", "Müşteri oluştur";
    DoneIntro => "The customer record was created.", "Müşteri kaydı oluşturuldu.";
    AddAnother => "Add another customer", "Başka bir müşteri ekle";
    ErrRequired => "Enter the {field}", "{field} alanını girin";
    ErrChooseCountry => "Choose the customer's country or region", "Müşterinin ülkesini veya bölgesini seçin";
    ErrEmailInvalid => "Enter an email address in the correct format, like name@example.com", "E-posta adresini doğru biçimde girin, örneğin ad@ornek.com";
    ErrDomainInvalid => "The domain name can only contain letters and digits", "Etki alanı adı yalnızca harf ve rakam içerebilir";
    ErrDomainTooLong => "The domain name must be 27 characters or fewer", "Etki alanı adı en fazla 27 karakter olmalıdır";
    ApiLoadFailed => "Could not load {what}.", "{what} yüklenemedi.";
    ApiNetwork => "The service could not be reached. Check your connection and try again.", "Hizmete ulaşılamadı. Bağlantınızı kontrol edip yeniden deneyin.";
    ApiOffline => "You are offline. Nothing you typed is lost; try again when you are back online.", "Çevrimdışısınız. Yazdıklarınız kaybolmadı; yeniden bağlandığınızda tekrar deneyin.";
    ApiTimeout => "The service took too long to answer. Try again.", "Hizmet çok geç yanıt verdi. Yeniden deneyin.";
    ApiBadAnswer => "The service sent an answer that could not be read. Try again later.", "Hizmetin yanıtı okunamadı. Daha sonra yeniden deneyin.";
    ApiStatus => "The service answered with an error ({status}). Try again later.", "Hizmet bir hata ile yanıt verdi ({status}). Daha sonra yeniden deneyin.";
    ApiSaid => "The service refused the request ({status}): {detail}", "Hizmet isteği reddetti ({status}): {detail}";
    WhatOffers => "the offers", "Teklifler";
    WhatProfile => "your partner profile", "İş ortağı profiliniz";
    ErrTooLong => "Must be {max} characters or fewer", "En fazla {max} karakter olmalıdır";
    ErrFriendlyNameTooLong => "The friendly name must be {max} characters or fewer", "Kolay ad en fazla {max} karakter olmalıdır";
    ErrCompanySingle => "Enter the full legal company name, not a single character", "Tek bir karakter değil, şirketin tam yasal adını girin";
    ErrCompanySpecial => "The company name must contain letters or digits", "Şirket adı harf veya rakam içermelidir";
    ErrCompanyLegalForm => "Enter the company name, not only its legal form (such as Ltd or GmbH)", "Yalnızca şirket türünü (Ltd, A.Ş. gibi) değil, şirketin adını girin";
    ErrEmailMicrosoft => "Enter the customer's email address, not a microsoft.com address", "microsoft.com adresi değil, müşterinin e-posta adresini girin";
    ErrEmailPartner => "Enter the customer's email address, not one at your own company's domain", "Kendi şirketinizin alan adındaki değil, müşterinin e-posta adresini girin";
    ErrDomainTaken => "This domain is already in use. The customer may already exist: request a relationship instead", "Bu etki alanı zaten kullanılıyor. Müşteri zaten var olabilir: bunun yerine ilişki isteği gönderin";
    ErrPostalInvalid => "Enter a postal code in the format used in this country", "Bu ülkede kullanılan biçimde bir posta kodu girin";
    ErrZipInvalid => "Enter a ZIP code in the format used in this country", "Bu ülkede kullanılan biçimde bir ZIP kodu girin";
    ErrZipInvalidUs => "Enter a ZIP code of 5 digits, like 98052, or of 5 and 4 digits, like 98052-6399", "ZIP kodunu 5 haneli (98052 gibi) ya da 5 + 4 haneli (98052-6399 gibi) girin";
    ErrPostcodeInvalid => "Enter a postcode in the format used in this country", "Bu ülkede kullanılan biçimde bir posta kodu (postcode) girin";
    ErrStateList => "Choose a state or province from the list", "Listeden bir eyalet veya il seçin";
    ErrStateListState => "Choose the state from the list", "Listeden bir eyalet seçin";
    ErrStateListProvince => "Choose the province from the list", "Listeden bir il seçin";
    ErrStateListTerritory => "Choose the state or territory from the list", "Listeden bir eyalet veya bölge seçin";
    ErrStateListPrefecture => "Choose the prefecture from the list", "Listeden bir prefektörlük seçin";
    ErrStateListEmirate => "Choose the emirate from the list", "Listeden bir emirlik seçin";
    ErrStateListCounty => "Choose the county from the list", "Listeden bir ilçe (county) seçin";
    ErrPhoneInvalid => "Enter a phone number in the format used in this country", "Bu ülkede kullanılan biçimde bir telefon numarası girin";
    ErrDateInvalid => "Enter a real date as day, month and year, like 27/03/2026", "Geçerli bir tarihi gün, ay ve yıl olarak girin, örneğin 27.03.2026";
    ErrDateFuture => "The date the agreement was accepted must be today or in the past", "Sözleşmenin kabul edildiği tarih bugün veya geçmişte olmalıdır";
    ErrChooseAgreement => "Say whether the customer accepted the Microsoft Customer Agreement", "Müşterinin Microsoft Müşteri Sözleşmesi'ni kabul edip etmediğini belirtin";
    ErrChooseReseller => "Choose the indirect reseller for this customer", "Bu müşteri için dolaylı satıcıyı seçin";
    ErrServer => "The service rejected this value: {detail}", "Hizmet bu değeri reddetti: {detail}";
    WarnDomainLike => "This looks like a web address. Enter the legal company name if it is different.", "Bu bir web adresine benziyor. Farklıysa şirketin yasal adını girin.";
    WarnRepeated => "This repeats one character several times. Check it is the legal name.", "Bu ad bir karakteri birçok kez tekrarlıyor. Yasal ad olduğunu kontrol edin.";
    WarnSpaced => "This looks like single letters separated by spaces. Check it is the legal name.", "Bu, boşluklarla ayrılmış tek harflere benziyor. Yasal ad olduğunu kontrol edin.";
    WarnTestName => "This looks like a test name. Customers are real companies: use the legal name.", "Bu bir deneme adına benziyor. Müşteriler gerçek şirketlerdir: yasal adı kullanın.";
    RegistrationNumber => "Organization registration number", "Kuruluş sicil numarası";
    RegistrationNumberHint => "Required in this country, for example the tax number.", "Bu ülkede zorunludur, örneğin vergi numarası.";
    FieldCountry => "country or region", "Ülke veya bölge";
    FieldCompanyName => "company legal name", "Şirketin yasal adı";
    FieldDomainPrefix => "domain name", "Etki alanı adı";
    FieldRegistrationNumber => "organization registration number", "Kuruluş sicil numarası";
    FieldAddressLine1 => "first line of the address", "Adresin ilk satırı";
    FieldCity => "town or city", "İlçe veya şehir";
    FieldState => "state or province", "Eyalet veya il";
    FieldPostalCode => "postal code", "Posta kodu";
    FieldFirstName => "first name", "Ad";
    FieldLastName => "last name", "Soyadı";
    FieldEmail => "email address", "E-posta adresi";
    FieldPhone => "phone number", "Telefon numarası";
    FieldSignerFirstName => "first name of the person who accepted", "Kabul eden kişinin adı";
    FieldSignerLastName => "last name of the person who accepted", "Kabul eden kişinin soyadı";
    FieldSignerEmail => "email address of the person who accepted", "Kabul eden kişinin e-posta adresi";
    FieldDateAgreed => "date the agreement was accepted", "Sözleşmenin kabul edildiği tarih";
    // "Enter the ..." per field: Turkish needs the object's case ("Adı girin"), which a
    // "{field}" template cannot give.
    OrderCompleted => "completed", "tamamlandı";
    OrderPending => "pending", "beklemede";
    OrderCancelled => "cancelled", "iptal edildi";
    EnterCompanyName => "Enter the company legal name", "Şirketin yasal adını girin";
    EnterDomainPrefix => "Enter the domain name", "Etki alanı adını girin";
    EnterRegistrationNumber => "Enter the organization registration number", "Kuruluş sicil numarasını girin";
    EnterAddressLine1 => "Enter the first line of the address", "Adresin ilk satırını girin";
    EnterCity => "Enter the town or city", "İlçe veya şehri girin";
    EnterPostalCode => "Enter the postal code", "Posta kodunu girin";
    // Where the field is called "ZIP code" or "Postcode", its messages say so too.
    EnterZip => "Enter the ZIP code", "ZIP kodunu girin";
    EnterPostcode => "Enter the postcode", "Posta kodunu (postcode) girin";
    EnterFirstName => "Enter the first name", "Adı girin";
    EnterLastName => "Enter the last name", "Soyadını girin";
    EnterEmail => "Enter the email address", "E-posta adresini girin";
    EnterPhone => "Enter the phone number", "Telefon numarasını girin";
    EnterSignerFirstName => "Enter the first name of the person who accepted", "Kabul eden kişinin adını girin";
    EnterSignerLastName => "Enter the last name of the person who accepted", "Kabul eden kişinin soyadını girin";
    EnterSignerEmail => "Enter the email address of the person who accepted", "Kabul eden kişinin e-posta adresini girin";
    EnterDateAgreed => "Enter the date the agreement was accepted", "Sözleşmenin kabul edildiği tarihi girin";
    AgreementSection => "Microsoft Customer Agreement", "Microsoft Müşteri Sözleşmesi";
    AgreementAccepted => "The customer has accepted the Microsoft Customer Agreement", "Müşteri Microsoft Müşteri Sözleşmesi'ni kabul etti";
    AgreementLater => "The customer will accept it in the Microsoft 365 admin center", "Müşteri sözleşmeyi Microsoft 365 yönetim merkezinde kabul edecek";
    SignerFirstName => "First name of the person who accepted", "Kabul eden kişinin adı";
    SignerLastName => "Last name of the person who accepted", "Kabul eden kişinin soyadı";
    SignerEmail => "Their email address", "E-posta adresi";
    SignerPhone => "Their phone number", "Telefon numarası";
    DateAgreed => "Date accepted", "Kabul tarihi";
    GdapLabel => "Create a default GDAP relationship so that you can manage the customer's tenant", "Müşterinin kiracısını yönetebilmek için varsayılan bir GDAP ilişkisi oluştur";
    ResellerSection => "Indirect reseller", "Dolaylı satıcı";
    ResellerHint => "The reseller associated with this customer's subscriptions.", "Bu müşterinin abonelikleriyle ilişkilendirilecek satıcı.";
    ResellerSearch => "Search resellers by name, location or partner ID", "Satıcıları ada, konuma veya iş ortağı kimliğine göre ara";
    ResellerChoose => "Choose a reseller", "Bir satıcı seçin";
    OnMicrosoft => ".onmicrosoft.com", ".onmicrosoft.com";
    Update => "Update", "Güncelle";
    UpdateAccountName => "Update account info", "Hesap bilgilerini güncelle";
    UpdateSubscriptionsName => "Update subscriptions", "Abonelikleri güncelle";
    ReviewCompany => "Company", "Şirket";
    ReviewAddress => "Address", "Adres";
    ReviewContact => "Primary contact", "Birincil ilgili kişi";
    ReviewSubscriptions => "Subscriptions", "Abonelikler";
    ReviewNoSubscriptions => "No subscriptions: only the customer record is created", "Abonelik yok: yalnızca müşteri kaydı oluşturulur";
    ReviewAgreement => "Microsoft Customer Agreement", "Microsoft Müşteri Sözleşmesi";
    ReviewReseller => "Indirect reseller", "Dolaylı satıcı";
    ReviewGdap => "Default GDAP relationship", "Varsayılan GDAP ilişkisi";
    Yes => "Yes", "Evet";
    No => "No", "Hayır";
    DraftSavedStatus => "Your answers are saved on this device as you type.", "Yanıtlarınız yazdıkça bu cihaza kaydedilir.";
    DraftRestored => "We restored the details you entered earlier.", "Daha önce girdiğiniz bilgileri geri yükledik.";
    DiscardDraft => "Start again with an empty form", "Boş bir formla yeniden başla";
    NoRoleTitle => "You cannot add customers", "Müşteri ekleyemezsiniz";
    NoRoleBody => "Adding a customer needs one of these roles: Global admin, User management admin, Admin agent or Sales agent. Ask your organization's global admin to give you one.", "Müşteri eklemek için şu rollerden biri gerekir: Genel yönetici, Kullanıcı yönetimi yöneticisi, Yönetici aracı veya Satış aracısı. Kuruluşunuzun genel yöneticisinden bu rollerden birini isteyin.";
    SubscriptionsChosenOne => "1 offer chosen", "1 teklif seçildi";
    SubscriptionsChosenOther => "{count} offers chosen", "{count} teklif seçildi";
    DomainChecking => "Checking whether {domain} is available…", "{domain} kullanılabilir mi diye bakılıyor…";
    DomainFree => "{domain} is available", "{domain} kullanılabilir";
    DomainTakenStatus => "{domain} is already in use", "{domain} zaten kullanılıyor";
    DomainUnknown => "We could not check whether the domain is available. You can go on: it is checked again when you submit.", "Etki alanının kullanılabilirliği kontrol edilemedi. Devam edebilirsiniz: gönderirken yeniden kontrol edilir.";
    RelationshipTitle => "Request a relationship instead", "Bunun yerine ilişki isteği gönderin";
    RelationshipBody => "If this is an existing customer, do not add them again. Send their global admin this link: when they accept it, you become their reseller.", "Bu mevcut bir müşteriyse yeniden eklemeyin. Genel yöneticisine bu bağlantıyı gönderin: kabul ettiğinde onların satıcısı olursunuz.";
    RelationshipGet => "Get the invitation link", "Davet bağlantısını al";
    RelationshipLink => "Invitation link", "Davet bağlantısı";
    RelationshipEmail => "Email text to send", "Gönderilecek e-posta metni";
    RelationshipEmailText => "Hello,\n\nTo let us manage your Microsoft cloud subscriptions as your Cloud Solution Provider, please open this link as a global admin of your organization and accept the invitation:\n\n{url}\n\nThank you.", "Merhaba,\n\nBulut Çözüm Sağlayıcınız olarak Microsoft bulut aboneliklerinizi yönetebilmemiz için lütfen bu bağlantıyı kuruluşunuzun genel yöneticisi olarak açın ve daveti kabul edin:\n\n{url}\n\nTeşekkürler.";
    CopyLink => "Copy link", "Bağlantıyı kopyala";
    CopyEmail => "Copy email text", "E-posta metnini kopyala";
    Copied => "Copied", "Kopyalandı";
    CopyFailed => "Could not copy: select the text and copy it yourself", "Kopyalanamadı: metni seçip kendiniz kopyalayın";
    AddressChecking => "Checking the address…", "Adres kontrol ediliyor…";
    AddressSuggestTitle => "Check the address", "Adresi kontrol edin";
    AddressSuggestBody => "The address service suggests a correction. Choose the address to use.", "Adres hizmeti bir düzeltme öneriyor. Kullanılacak adresi seçin.";
    AddressUseSuggested => "Use this address", "Bu adresi kullan";
    AddressKeep => "Keep the address I entered", "Girdiğim adresi koru";
    AddressEntered => "You entered", "Girdiğiniz";
    AddressSuggested => "Suggested", "Önerilen";
    AddressCheckFailed => "We could not check the address. You can continue; the address is checked again when you submit.", "Adres kontrol edilemedi. Devam edebilirsiniz; adres gönderilirken yeniden kontrol edilir.";
    CreateCustomerAndOrder => "Create customer and place order", "Müşteri oluştur ve sipariş ver";
    SubmitProgressTitle => "Creating the customer", "Müşteri oluşturuluyor";
    SubmitStoppedTitle => "The submission did not finish", "Gönderim tamamlanmadı";
    StageCustomer => "Create the customer account", "Müşteri hesabını oluştur";
    StageAttest => "Record the customer's acceptance of the Microsoft Customer Agreement", "Müşterinin Microsoft Müşteri Sözleşmesi'ni kabulünü kaydet";
    StageOrder => "Place order {n} of {total}", "Sipariş {n} / {total} ver";
    StatusWaiting => "waiting", "bekliyor";
    StatusInProgress => "in progress", "sürüyor";
    StatusDone => "done", "tamamlandı";
    StatusFailed => "failed", "başarısız";
    StatusNotStarted => "not started", "başlamadı";
    SubmitFailed => "Something went wrong: {detail}", "Bir sorun oluştu: {detail}";
    SubmitPartial => "The customer account was created, but not everything else was done yet. Nothing will be created twice when you try again.", "Müşteri hesabı oluşturuldu ancak diğer adımların tümü henüz tamamlanmadı. Yeniden denediğinizde hiçbir şey iki kez oluşturulmaz.";
    SubmitRetry => "Try again", "Yeniden dene";
    SubmitWithoutOrders => "You can try again now or later. To finish without the subscriptions, remove them with “Update subscriptions”: the customer is kept.", "Şimdi ya da daha sonra yeniden deneyebilirsiniz. Abonelikler olmadan tamamlamak için onları “Abonelikleri güncelle” ile kaldırın: müşteri korunur.";
    PlaceOrder => "Place the order", "Siparişi ver";
    FinishCustomer => "Finish adding the customer", "Müşteri eklemeyi tamamla";
    ContinueWaiting => "Still loading: this goes on by itself in a moment", "Hâlâ yükleniyor: birazdan kendiliğinden devam edecek";
    SubmitFixField => "Fix the problem and submit again: nothing already created will be created again.", "Sorunu düzeltip yeniden gönderin: önceden oluşturulan hiçbir şey yeniden oluşturulmaz.";
    DoneTitle => "Customer added", "Müşteri eklendi";
    DoneCustomerName => "Customer", "Müşteri";
    DoneCustomerId => "Microsoft ID", "Microsoft Kimliği";
    DoneDomain => "Domain", "Etki alanı";
    DoneSignIn => "Admin sign-in name", "Yönetici oturum açma adı";
    DonePassword => "Temporary password", "Geçici parola";
    DonePasswordWarning => "Copy the password now and give it to the customer securely. It cannot be shown again after you leave this page.", "Parolayı şimdi kopyalayın ve müşteriye güvenli biçimde iletin. Bu sayfadan ayrıldıktan sonra yeniden gösterilemez.";
    DonePasswordGone => "The password can no longer be displayed. The customer's admin can reset it in the Microsoft 365 admin center, or you can reset it in Partner Center.", "Parola artık görüntülenemez. Müşterinin yöneticisi Microsoft 365 yönetim merkezinde sıfırlayabilir veya siz Partner Center'da sıfırlayabilirsiniz.";
    ShowPassword => "Show password", "Parolayı göster";
    HidePassword => "Hide password", "Parolayı gizle";
    CopySignIn => "Copy sign-in name", "Oturum açma adını kopyala";
    CopyPassword => "Copy password", "Parolayı kopyala";
    DoneOrders => "Orders", "Siparişler";
    DoneOrderId => "Order", "Sipariş";
    DoneNoOrders => "No subscriptions were ordered.", "Abonelik siparişi verilmedi.";
    DoneViewCustomer => "Go to the customer's page", "Müşterinin sayfasına git";
    DoneOffers => "Browse CSP offers", "CSP tekliflerine göz at";
    DoneNext => "What happens next", "Sonra ne olacak";
    DoneNextBody => "The customer's admin signs in at admin.microsoft.com with the name and password above and is asked to change the password.", "Müşterinin yöneticisi yukarıdaki ad ve parolayla admin.microsoft.com adresinde oturum açar ve parolasını değiştirmesi istenir.";
    DoneNextBodyReset => "The customer's admin signs in at admin.microsoft.com with the name above, once the password has been reset as described above.", "Müşterinin yöneticisi, parola yukarıda açıklandığı gibi sıfırlandıktan sonra yukarıdaki adla admin.microsoft.com adresinde oturum açar.";
    ReviewAccountSection => "Account info", "Hesap bilgileri";
    UpdateResellerName => "Update indirect reseller", "Dolaylı satıcıyı güncelle";
    UpdateAgreementName => "Update agreement", "Sözleşmeyi güncelle";
    RegistrationNumberShort => "Registration number", "Sicil numarası";
    PostalZip => "ZIP code", "ZIP kodu";
    PostalPostcode => "Postcode", "Posta kodu (postcode)";
    PostalPlz => "Postal code (PLZ)", "Posta kodu (PLZ)";
    PostalPin => "PIN code", "PIN kodu";
    PostalCep => "Postal code (CEP)", "Posta kodu (CEP)";
    StateState => "State", "Eyalet";
    StateProvince => "Province", "İl";
    StateTerritory => "State or territory", "Eyalet veya bölge";
    StatePrefecture => "Prefecture", "Prefektörlük";
    StateEmirate => "Emirate", "Emirlik";
    StateCounty => "County", "İlçe (county)";
    Culture => "Culture (formats)", "Kültür (biçimler)";
    CultureChoose => "Choose a culture", "Bir kültür seçin";
    CustomerCreatedFixed => "The customer has been created with these details: they can no longer be changed here.", "Müşteri bu bilgilerle oluşturuldu: bunlar artık burada değiştirilemez.";
    LanguageChoose => "Choose a language", "Bir dil seçin";
    CultureHint => "Used for dates and numbers in the customer's documents.", "Müşterinin belgelerindeki tarih ve sayılar için kullanılır.";
    LanguageField => "Language of communications", "İletişim dili";
    LanguageSection => "Language", "Dil";
    MayNotAttest => "Only Admin agents and Sales agents can confirm that the customer accepted the agreement. Choose the second option: the customer accepts in the Microsoft 365 admin center.", "Müşterinin sözleşmeyi kabul ettiğini yalnızca Yönetici aracıları ve Satış aracıları onaylayabilir. İkinci seçeneği seçin: müşteri Microsoft 365 yönetim merkezinde kabul eder.";
    ErrMayNotAttest => "You cannot confirm the agreement with your role: choose that the customer will accept it in the Microsoft 365 admin center", "Rolünüzle sözleşmeyi onaylayamazsınız: müşterinin Microsoft 365 yönetim merkezinde kabul edeceğini seçin";
    // -- subscriptions step (keys added by the subscriptions work go here) --
    SearchOffers => "Search offers", "Teklif ara";
    SearchOffersHint => "By name, description or offer ID", "Ad, açıklama veya teklif kimliğine göre";
    CategoryLabel => "Category", "Kategori";
    CategoryAll => "All categories", "Tüm kategoriler";
    SortLabel => "Sort by", "Sıralama";
    SortNameAsc => "Name (A to Z)", "Ad (A'dan Z'ye)";
    SortNameDesc => "Name (Z to A)", "Ad (Z'den A'ya)";
    OffersMatchOne => "1 offer matches", "1 teklif eşleşiyor";
    OffersMatchOther => "{count} offers match", "{count} teklif eşleşiyor";
    OffersMatchNone => "No offers match. Check the spelling or choose another category.", "Eşleşen teklif yok. Yazımı kontrol edin veya başka bir kategori seçin.";
    OfferListLabel => "Offers", "Teklifler";
    OfferListHint => "Arrow keys move through the offers; Enter or Space adds or removes one.", "Ok tuşlarıyla teklifler arasında gezinin; Enter veya Boşluk tuşu teklifi ekler ya da çıkarır.";
    OffersLoading => "Loading offers…", "Teklifler yükleniyor…";
    BadgeAddOn => "Add-on", "Eklenti";
    BadgeTrial => "Trial", "Deneme";
    BadgeUnavailable => "Not available for purchase", "Satın alınamaz";
    BadgeChosen => "In the order", "Siparişte";
    OrderHeading => "Your order", "Siparişiniz";
    OrderEmpty => "No offers chosen yet. Choose them from the list above.", "Henüz teklif seçilmedi. Yukarıdaki listeden seçin.";
    Quantity => "Number of licenses", "Lisans sayısı";
    QuantityHint => "A whole number from {min} to {max}", "{min} ile {max} arasında bir tam sayı";
    QuantityFixed => "{count} (this offer is sold in this quantity only)", "{count} (bu teklif yalnızca bu miktarda satılır)";
    QuantityIncrease => "One more license of {offer}", "{offer}: bir lisans artır";
    QuantityDecrease => "One license fewer of {offer}", "{offer}: bir lisans azalt";
    // The same for an offer not sold per license (devices, capacity, units, an Azure plan).
    QuantityUnits => "Quantity", "Miktar";
    QuantityIncreaseUnits => "One more of {offer}", "{offer}: bir artır";
    QuantityDecreaseUnits => "One fewer of {offer}", "{offer}: bir azalt";
    BillingCycleLabel => "Billing frequency", "Faturalama sıklığı";
    CycleMonthly => "Monthly", "Aylık";
    CycleAnnual => "Annual", "Yıllık";
    CycleTriennial => "Every three years", "Üç yılda bir";
    CycleNone => "One time", "Tek seferlik";
    TermLabel => "Term", "Taahhüt süresi";
    TermMonthOne => "1 month", "1 ay";
    TermMonthOther => "{count} months", "{count} ay";
    TermYearOne => "1 year", "1 yıl";
    TermYearOther => "{count} years", "{count} yıl";
    FriendlyName => "Friendly name", "Kolay ad";
    FriendlyNameHint => "Shown instead of the offer name, for example Sales team", "Teklif adı yerine gösterilir, örneğin Satış ekibi";
    RemoveLine => "Remove", "Kaldır";
    PrereqTitle => "{offer} is an add-on", "{offer} bir eklentidir";
    PrereqBody => "It can only be ordered together with one of the offers it builds on.", "Yalnızca dayandığı tekliflerden biriyle birlikte sipariş edilebilir.";
    PrereqChoose => "Offer to add with it", "Birlikte eklenecek teklif";
    PrereqAddBoth => "Add both", "İkisini de ekle";
    PrereqAddOne => "Add this offer", "Bu teklifi ekle";
    PrereqNone => "None of the offers it builds on can be bought at the moment.", "Dayandığı tekliflerin hiçbiri şu anda satın alınamıyor.";
    LicensesOne => "1 license", "1 lisans";
    LicensesOther => "{count} licenses", "{count} lisans";
    SummaryView => "View order", "Siparişi göster";
    AnnounceAdded => "Added {offer}", "{offer} eklendi";
    AnnounceRemoved => "Removed {offer}", "{offer} kaldırıldı";
    ConfirmEmptyTitle => "Continue without subscriptions?", "Abonelik olmadan devam edilsin mi?";
    ConfirmEmptyBody => "You have not chosen any offers. The customer record can be created without subscriptions; you can add them later.", "Hiç teklif seçmediniz. Müşteri kaydı abonelik olmadan oluşturulabilir; abonelikleri daha sonra ekleyebilirsiniz.";
    ConfirmEmptyYes => "Continue without subscriptions", "Abonelik olmadan devam et";
    ConfirmEmptyNo => "Choose offers", "Teklif seç";
    CancelConfirmTitle => "Delete this customer's details?", "Bu müşterinin bilgileri silinsin mi?";
    CancelConfirmBody => "Everything entered for this customer, on every step, is deleted from this device. This cannot be undone.", "Bu müşteri için tüm adımlarda girilen her şey bu cihazdan silinir. Bu işlem geri alınamaz.";
    CancelConfirmYes => "Delete and start again", "Sil ve baştan başla";
    CancelConfirmNo => "Keep editing", "Düzenlemeye devam et";
    SaveAndReview => "Save and return to Review", "Kaydet ve Gözden geçir adımına dön";
    ErrQtyEmpty => "Enter the number of licenses", "Lisans sayısını girin";
    ErrQtyNotNumber => "Enter the number of licenses in digits, like 5", "Lisans sayısını rakamla girin, örneğin 5";
    ErrQtyDecimal => "Enter a whole number of licenses, without a decimal point or thousands separator", "Lisans sayısını ondalık işareti ve binlik ayırıcı olmadan, tam sayı olarak girin";
    ErrQtyZero => "The number of licenses cannot be 0. To leave this offer out, remove it", "Lisans sayısı 0 olamaz. Bu teklifi istemiyorsanız kaldırın";
    ErrQtyNegative => "The number of licenses cannot be negative", "Lisans sayısı negatif olamaz";
    ErrQtyBelowMin => "The number of licenses must be {min} or more", "Lisans sayısı en az {min} olmalıdır";
    ErrQtyAboveMax => "The number of licenses must be {max} or fewer", "Lisans sayısı en fazla {max} olmalıdır";
    ErrQtyTooLarge => "That number is far too large: the number of licenses must be {max} or fewer", "Bu sayı çok büyük: lisans sayısı en fazla {max} olmalıdır";
    ErrQtyEmptyUnits => "Enter a quantity", "Miktarı girin";
    ErrQtyNotNumberUnits => "Enter the quantity in digits, like 5", "Miktarı rakamla girin, örneğin 5";
    ErrQtyDecimalUnits => "Enter the quantity as a whole number, without a decimal point or thousands separator", "Miktarı ondalık işareti ve binlik ayırıcı olmadan, tam sayı olarak girin";
    ErrQtyZeroUnits => "The quantity cannot be 0. To leave this offer out, remove it", "Miktar 0 olamaz. Bu teklifi istemiyorsanız kaldırın";
    ErrQtyNegativeUnits => "The quantity cannot be negative", "Miktar negatif olamaz";
    ErrQtyBelowMinUnits => "The quantity must be {min} or more", "Miktar en az {min} olmalıdır";
    ErrQtyAboveMaxUnits => "The quantity must be {max} or fewer", "Miktar en fazla {max} olmalıdır";
    ErrQtyTooLargeUnits => "That number is far too large: the quantity must be {max} or fewer", "Bu sayı çok büyük: miktar en fazla {max} olmalıdır";
    ErrMissingPrereq => "This add-on needs one of the offers it builds on in the same order: add one, or remove the add-on", "Bu eklenti, dayandığı tekliflerden birinin aynı siparişte olmasını gerektirir: birini ekleyin veya eklentiyi kaldırın";
    ErrPrereqOtherOrder => "This add-on cannot be billed like the offer it builds on: change that offer's billing frequency", "Bu eklenti, dayandığı teklifle aynı sıklıkta faturalanamaz: o teklifin faturalama sıklığını değiştirin";
    ErrPrereqOtherGroup => "This add-on is ordered apart from the offer it builds on here: add another offer it builds on", "Bu eklenti, buradaki dayandığı tekliften ayrı sipariş edilir: dayandığı başka bir teklif ekleyin";
    ErrPrereqChooseCycle => "{offer} is billed “{cycle}”: choose “{cycle}” billing for this add-on too", "{offer} “{cycle}” faturalanıyor: bu eklenti için de “{cycle}” faturalamayı seçin";
    ErrPrereqTermFirst => "{offer} is billed “{cycle}”: choose the {term} term, then “{cycle}” billing", "{offer} “{cycle}” faturalanıyor: önce {term} taahhüt süresini, sonra “{cycle}” faturalamayı seçin";
    ErrUnavailable => "This offer is not available for purchase: remove it", "Bu teklif satın alınamaz: kaldırın";
    ErrUnknownOffer => "This offer is no longer in the catalog: remove it", "Bu teklif artık katalogda yok: kaldırın";
    ErrBillingCycle => "Choose a billing frequency this offer supports for this term", "Bu teklifin bu süre için desteklediği bir faturalama sıklığı seçin";
    ErrTerm => "Choose one of this offer's terms", "Bu teklifin sürelerinden birini seçin";
    ErrLineInSummary => "{offer}: {message}", "{offer}: {message}";
    // -- end subscriptions step --
    ErrQuantityRefused => "Partner Center did not accept this number of licenses for this offer. Enter another number", "Partner Center bu teklif için bu lisans sayısını kabul etmedi. Başka bir sayı girin";
    ConfigError => "The customer wizard could not start: {detail}", "Müşteri sihirbazı başlatılamadı: {detail}";
    // -- issue 16: what Partner Center refused at submit --
    ErrRefused => "Partner Center did not accept this {field}: check it and correct it", "{field} alanındaki değeri Partner Center kabul etmedi: kontrol edip düzeltin";
    ErrPropertyRefused => "Partner Center did not accept the value of “{property}”, which is not a field of this form. Check the account info below, correct what is wrong and submit again", "Partner Center “{property}” değerini kabul etmedi; bu değer formda bir alan olarak yer almıyor. Aşağıdaki hesap bilgilerini kontrol edin, yanlış olanı düzeltin ve yeniden gönderin";
    ErrAccountRefused => "Partner Center did not accept the account info and did not say which value. Check the details below, correct what is wrong and submit again", "Partner Center hesap bilgilerini kabul etmedi ancak hangi değeri kabul etmediğini belirtmedi. Aşağıdaki bilgileri kontrol edin, yanlış olanı düzeltin ve yeniden gönderin";
    // -- issue 16: control characters, examples per country, dates in the UI language --
    ErrControlChar => "The {field} contains a hidden character that can't be used: clear the field and type it again", "{field} alanında kullanılamayan gizli bir karakter var: alanı temizleyip yeniden yazın";
    FieldAddressLine2 => "second line of the address", "Adresin ikinci satırı";
    FieldFriendlyName => "friendly name", "Kolay ad";
    ErrPhoneInvalidExample => "Enter a phone number in the format used in this country, like {example}", "Bu ülkede kullanılan biçimde bir telefon numarası girin, örneğin {example}";
    ErrPostalInvalidExample => "Enter a postal code in the format used in this country, like {example}", "Bu ülkede kullanılan biçimde bir posta kodu girin, örneğin {example}";
    ErrPostcodeInvalidExample => "Enter a postcode in the format used in this country, like {example}", "Bu ülkede kullanılan biçimde bir posta kodu (postcode) girin, örneğin {example}";
    DateAgreedHint => "Day, month and year (dd/mm/yyyy), for example 27/03/2026", "Gün, ay ve yıl (gg.aa.yyyy), örneğin 27.03.2026";
}

impl Key {
    pub fn fmt(self, locale: Locale, args: &[(&str, &str)]) -> String {
        format(self.text(locale), args)
    }
}

/// Replaces `{name}` placeholders.
pub fn format(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// CLDR plural category for the two locales: both have `one` (exactly 1) and `other`.
pub fn plural(locale: Locale, n: usize, one: Key, other: Key) -> String {
    let key = if n == 1 { one } else { other };
    key.fmt(locale, &[("count", &n.to_string())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_a_text_in_every_locale() {
        for key in Key::ALL {
            for locale in Locale::ALL {
                assert!(
                    !key.text(locale).trim().is_empty(),
                    "{key:?} is empty in {locale:?}"
                );
            }
        }
    }

    #[test]
    fn placeholders_match_across_locales() {
        let names = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                .collect();
            v.sort();
            v
        };
        for key in Key::ALL {
            assert_eq!(
                names(key.text(Locale::En)),
                names(key.text(Locale::Tr)),
                "{key:?} has different placeholders"
            );
        }
    }

    #[test]
    fn locale_negotiation_takes_the_first_supported_language() {
        assert_eq!(Locale::negotiate(["de-DE", "tr-TR", "en"]), Locale::Tr);
        assert_eq!(Locale::negotiate(["fr"]), Locale::En);
        assert_eq!(Locale::from_tag("TR"), Some(Locale::Tr));
        assert_eq!(Locale::from_tag("en_GB"), Some(Locale::En));
    }

    #[test]
    fn format_and_plural() {
        assert_eq!(
            Key::StepOf.fmt(Locale::Tr, &[("n", "2"), ("total", "3")]),
            "Adım 2 / 3"
        );
        assert_eq!(
            plural(Locale::En, 1, Key::OfferCountOne, Key::OfferCountOther),
            "1 offer"
        );
        assert_eq!(
            plural(Locale::En, 3, Key::OfferCountOne, Key::OfferCountOther),
            "3 offers"
        );
        assert_eq!(
            plural(Locale::Tr, 3, Key::OfferCountOne, Key::OfferCountOther),
            "3 teklif"
        );
    }
}
