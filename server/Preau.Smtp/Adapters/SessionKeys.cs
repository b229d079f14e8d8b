using System.Net;
using Preau.Core.Accounts;
using Preau.Core.Mail;
using SmtpServer;
using SmtpServer.Net;

namespace Preau.Smtp.Adapters;

/// <summary>What Préau keeps in an SmtpServer session's property bag.</summary>
internal static class SessionKeys
{
    private const string AccountKey = "preau:account";
    private const string TransactionKey = "preau:transaction";
    private const string HeloKey = "preau:helo";

    public static Account? Account(this ISessionContext context) =>
        context.Properties.TryGetValue(AccountKey, out var value) ? value as Account : null;

    public static void SetAccount(this ISessionContext context, Account account) => context.Properties[AccountKey] = account;

    public static SubmissionTransaction? Transaction(this ISessionContext context) =>
        context.Properties.TryGetValue(TransactionKey, out var value) ? value as SubmissionTransaction : null;

    public static void SetTransaction(this ISessionContext context, SubmissionTransaction transaction) =>
        context.Properties[TransactionKey] = transaction;

    public static string? Helo(this ISessionContext context) =>
        context.Properties.TryGetValue(HeloKey, out var value) ? value as string : null;

    public static void SetHelo(this ISessionContext context, string helo) => context.Properties[HeloKey] = helo;

    public static string RemoteAddress(this ISessionContext context) =>
        context.Properties.TryGetValue(EndpointListener.RemoteEndPointKey, out var value) && value is IPEndPoint endpoint
            ? endpoint.Address.ToString()
            : "unknown";
}
