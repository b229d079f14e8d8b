using Ganss.Xss;

namespace Preau.Web.Announcements;

/// <summary>Renders an announcement's HTML for the browser: HtmlSanitizer's safe subset (no script, no
/// event handler, no <c>javascript:</c> link, no form), without images (a remote image would tell its
/// server who reads the announcement and when; the page's CSP blocks them anyway) and with links
/// opening apart from the webmail.</summary>
internal sealed class AnnouncementHtml
{
    private readonly HtmlSanitizer _sanitizer;

    public AnnouncementHtml()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedTags.Remove("img");
        _sanitizer.AllowedTags.Remove("picture");
        _sanitizer.AllowedTags.Remove("source");
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.AllowedSchemes.Add("http");
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link && link.HasAttribute("href"))
            {
                link.SetAttribute("target", "_blank");
                link.SetAttribute("rel", "noopener noreferrer");
            }
        };
        _sanitizer.AllowedAttributes.Add("target");
        _sanitizer.AllowedAttributes.Add("rel");
    }

    /// <summary>The safe HTML of <paramref name="body"/>.</summary>
    public string Render(string body) => _sanitizer.Sanitize(body ?? "");
}
