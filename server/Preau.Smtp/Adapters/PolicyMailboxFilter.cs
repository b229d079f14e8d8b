using Preau.Core.Mail;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Storage;

namespace Preau.Smtp.Adapters;

/// <summary>MAIL FROM and RCPT TO, decided by Core's <see cref="SubmissionTransaction"/>: each refusal
/// is answered at once with its enhanced status code and the rule's words (a full mailbox: 452 4.2.2).</summary>
internal sealed class PolicyMailboxFilter(SubmissionService submission) : IMailboxFilter
{
    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
    {
        var account = context.Account();
        var protocol = account is not null ? "ESMTPSA" : context.Pipe.IsSecure ? "ESMTPS" : "ESMTP";
        var transaction = submission.Begin(account, new SubmissionContext(protocol, context.RemoteAddress(), context.Helo()));
        // SIZE= (RFC 1870), 0 when not given: lets RCPT refuse a mailbox too full for the message.
        var decision = transaction.SetMailFrom(Address(from), size);
        if (!decision.Accepted)
        {
            throw decision.ToException();
        }

        context.SetTransaction(transaction);
        return Task.FromResult(true);
    }

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        var transaction = context.Transaction()
            ?? throw new SmtpServer.Protocol.SmtpResponseException(new SmtpServer.Protocol.SmtpResponse(SmtpServer.Protocol.SmtpReplyCode.BadSequence, "5.5.1 MAIL FROM first"));
        var decision = transaction.AddRecipient(Address(to));
        if (!decision.Accepted)
        {
            throw decision.ToException();
        }

        return Task.FromResult(true);
    }

    private static string Address(IMailbox mailbox) =>
        mailbox is null || string.IsNullOrEmpty(mailbox.User) ? "" : $"{mailbox.User}@{mailbox.Host}";
}
