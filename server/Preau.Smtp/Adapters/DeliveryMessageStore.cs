using System.Buffers;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Preau.Smtp.Adapters;

/// <summary>DATA: hands the message to Core, which answers 250 only once it is durable.
/// Never throws: SmtpServer sends no reply at all for an exception thrown here.</summary>
internal sealed partial class DeliveryMessageStore(ILogger<DeliveryMessageStore> log) : IMessageStore
{
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();

    public async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        if (context.Transaction() is not { } submission)
        {
            return new SmtpResponse(SmtpReplyCode.BadSequence, "5.5.1 MAIL FROM first");
        }

        // SmtpServer strips the final CRLF before the dot: put it back so the stored message ends a line.
        var message = new byte[buffer.Length + Crlf.Length];
        buffer.CopyTo(message);
        Crlf.CopyTo(message, buffer.Length);
        try
        {
            var decision = await submission.CommitAsync(message, cancellationToken);
            return decision.ToResponse();
        }
#pragma warning disable CA1031 // Any storage failure becomes a temporary failure: the client keeps the message and retries.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailure(log, ex);
            return new SmtpResponse((SmtpReplyCode)451, "4.3.0 temporary failure storing the message, try again later");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a message failed")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
