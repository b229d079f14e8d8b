using Preau.Core.Announcements;
using Preau.Core.Auth;
using Preau.Core.Directory;
using Preau.Core.Mail;
using Preau.Core.Policy;
using Preau.Core.Preferences;

namespace Preau.Web;

/// <summary>The Core services behind the home page, the settings and the account and policy administration.</summary>
/// <param name="Mailboxes">The caller's INBOX (recent mail on the home page).</param>
/// <param name="Announcements">Home-page announcements.</param>
/// <param name="Preferences">Signature, language, notification address.</param>
/// <param name="Passwords">A user's own password change.</param>
/// <param name="Accounts">Account search, creation, suspension, password reset.</param>
/// <param name="Policy">The rule table, its replacements and the switches.</param>
public sealed record PortalServices(
    MailboxService Mailboxes,
    AnnouncementService Announcements,
    PreferencesService Preferences,
    PasswordChangeService Passwords,
    AccountAdministration Accounts,
    PolicyService Policy);
