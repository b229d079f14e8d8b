using Preau.Core.Storage;
using Preau.Imap.Protocol.Writing;

namespace Preau.Imap.Session;

/// <summary>Response codes for Core's refusals (RFC 5530).</summary>
internal static class Codes
{
    public static ResponseCode? For(MailboxError error) => error switch
    {
        MailboxError.NotFound => ResponseCode.NonExistent,
        MailboxError.AlreadyExists => ResponseCode.AlreadyExists,
        MailboxError.HasChildren => ResponseCode.HasChildren,
        MailboxError.NotAllowed => ResponseCode.Cannot,
        MailboxError.OverQuota => ResponseCode.OverQuota,
        _ => null,
    };
}
