using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Preau.Web.Admin;
using Preau.Web.Announcements;
using Preau.Web.Home;
using Preau.Web.Sessions;
using Preau.Web.Settings;

namespace Preau.Web.Portal;

/// <summary>Maps the home page, announcements, settings, and the account and policy administration.</summary>
internal static class PortalEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, WebServices services, SessionStore sessions)
    {
        var portal = services.Portal;
        var html = new AnnouncementHtml();
        HomeEndpoints.Map(routes, portal.Mailboxes, portal.Announcements, html);
        AnnouncementEndpoints.Map(routes, portal.Announcements, html, services.Time);
        SettingsEndpoints.Map(routes, portal.Preferences, portal.Passwords, sessions);
        var admin = routes.MapGroup("/api/admin").RequireSession();
        AccountEndpoints.Map(admin, portal.Accounts, services.Directory, sessions);
        PolicyEndpoints.Map(admin, portal.Policy, services.Directory);
    }
}
