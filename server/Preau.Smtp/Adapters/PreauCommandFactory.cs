using SmtpServer;
using SmtpServer.Protocol;

namespace Preau.Smtp.Adapters;

/// <summary>Adds Préau's EHLO keywords to SmtpServer's and records what the client called itself.</summary>
internal sealed class PreauCommandFactory(Func<int> maxRecipients) : SmtpCommandFactory
{
    public override SmtpCommand CreateEhlo(string domainOrAddress) => new PreauEhloCommand(domainOrAddress, maxRecipients);

    private sealed class PreauEhloCommand(string domainOrAddress, Func<int> maxRecipients) : EhloCommand(domainOrAddress)
    {
        protected override string GetGreeting(ISessionContext context)
        {
            context.SetHelo(DomainOrAddress);
            return $"{context.ServerOptions.ServerName} Preau, hello {DomainOrAddress}";
        }

        protected override IEnumerable<string> GetExtensions(ISessionContext context)
        {
            foreach (var extension in base.GetExtensions(context))
            {
                yield return extension;
            }

            // RFC 9422: tell clients the per-message recipient limit before they hit it.
            yield return $"LIMITS RCPTMAX={maxRecipients()}";
        }
    }
}
