using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Preau.Web.Mail;

/// <summary>
/// HTML mail made safe to show in the webmail (HtmlSanitizer): no scripts, event handlers, forms,
/// frames, objects or style sheets; links open in a new tab without an opener or a referrer; images
/// outside the message (http, https) replaced by a placeholder until the reader asks for them, CSS
/// <c>url()</c> to outside removed the same way; <c>cid:</c> images served by the attachment endpoint;
/// relative URLs dropped (in a message they could only reach this server).
/// </summary>
internal static partial class MailHtml
{
    /// <summary>What a blocked image shows: a transparent 1×1 GIF (CSP allows <c>data:</c> images).</summary>
    public const string BlockedImage = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

    private static readonly string[] Forbidden =
    [
        "form", "input", "button", "select", "textarea", "option", "optgroup", "datalist", "output", "keygen",
        "iframe", "frame", "frameset", "object", "embed", "applet", "script", "noscript", "style", "link", "meta", "base",
        "svg", "math", "template", "portal", "dialog",
    ];

    private static readonly HashSet<string> DropWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "title", "head", "iframe", "frame", "frameset", "object", "embed",
        "applet", "select", "textarea", "option", "optgroup", "datalist", "svg", "math", "xml",
    };

    /// <summary>The result: the HTML, and whether it refers to images outside the message.</summary>
    public sealed record Cleaned(string Html, bool HasRemoteImages);

    /// <summary>Sanitises a received message's HTML.</summary>
    /// <param name="html">The HTML as sent.</param>
    /// <param name="showRemoteImages">Keep http(s) images (the reader asked).</param>
    /// <param name="cidUrl">The URL serving an inline part, by Content-Id; null when there is none.</param>
    public static Cleaned ForReading(string html, bool showRemoteImages, Func<string, string?> cidUrl)
    {
        var remote = false;
        var sanitizer = Create();
        if (!showRemoteImages)
        {
            sanitizer.DisallowCssPropertyValue = RemoteCssUrl();
        }

        sanitizer.RemovingStyle += (_, e) =>
        {
            if (e.Reason == RemoveReason.NotAllowedValue && e.Style.Value.Contains("url(", StringComparison.OrdinalIgnoreCase))
            {
                remote = true;
            }
        };
        sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = Filter(e, showRemoteImages, cidUrl, ref remote);
        sanitizer.PostProcessNode += (_, e) => OpenLinksApart(e.Node);
        var cleaned = sanitizer.Sanitize(html);
        return new Cleaned(cleaned, remote);
    }

    /// <summary>Sanitises the HTML a user writes before it is sent: the same rules, remote images kept
    /// (the recipients' readers block them), no <c>cid:</c> (the webmail composes no inline parts).</summary>
    /// <param name="html">The HTML written.</param>
    public static string ForSending(string html)
    {
        var remote = false;
        var sanitizer = Create();
        sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = Filter(e, true, _ => null, ref remote);
        sanitizer.PostProcessNode += (_, e) => OpenLinksApart(e.Node);
        return sanitizer.Sanitize(html);
    }

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in Forbidden)
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        sanitizer.AllowedAttributes.Remove("srcset");
        sanitizer.AllowedAttributes.Remove("ping");
        sanitizer.AllowedAttributes.Remove("formaction");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto", "cid", "data", "tel"]);
        sanitizer.AllowedAtRules.Clear();
        // Keep the text of unknown or refused wrappers (a <form> around a whole letter), but never the
        // content of elements whose content is code or not shown (a script's text would read as text).
        sanitizer.KeepChildNodes = true;
        sanitizer.RemovingTag += (_, e) =>
        {
            if (DropWithContent.Contains(e.Tag.LocalName))
            {
                e.Tag.InnerHtml = "";
            }
        };
        return sanitizer;
    }

    private static string? Filter(FilterUrlEventArgs e, bool showRemote, Func<string, string?> cidUrl, ref bool remote)
    {
        var url = e.OriginalUrl.Trim();
        var tag = e.Tag.TagName.ToUpperInvariant();
        var isLink = tag is "A" or "AREA" && string.Equals(e.Tag.GetAttribute("href")?.Trim(), url, StringComparison.Ordinal);
        if (url.StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
        {
            return isLink ? null : cidUrl(url[4..].Trim('<', '>'));
        }

        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            // Pictures carried in the HTML itself; never a link target (a data: document could run script).
            return tag == "IMG" && url.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase) ? url : null;
        }

        if (e.SanitizedUrl is not { } safe)
        {
            return null;
        }

        var isRemote = safe.StartsWith("http:", StringComparison.OrdinalIgnoreCase)
            || safe.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
            || safe.StartsWith("//", StringComparison.Ordinal);
        if (isLink)
        {
            return isRemote || safe.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || safe.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)
                ? safe
                : null;
        }

        if (!isRemote)
        {
            return null;
        }

        remote = true;
        if (showRemote)
        {
            return safe;
        }

        return tag == "IMG" ? BlockedImage : null;
    }

    private static void OpenLinksApart(INode node)
    {
        if (node is IElement element && element.TagName.ToUpperInvariant() is "A" or "AREA" && element.HasAttribute("href"))
        {
            element.SetAttribute("target", "_blank");
            element.SetAttribute("rel", "noopener noreferrer");
        }
    }

    /// <summary>The default's markup characters, plus any url() that does not stay in the message.</summary>
    [GeneratedRegex(@"[<>]|url\s*\(\s*['""]?\s*(https?:|//)", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteCssUrl();
}
