using Preau.Plugins.Commands;

namespace Preau.TestPlugins.Echo;

/// <summary><c>preau echo say &lt;words&gt;</c>: prints the words; <c>echo say panne</c> throws.</summary>
public sealed class SayCommand : IPluginCommand
{
    /// <inheritdoc />
    public string Verb => "echo say";

    /// <inheritdoc />
    public string Usage => "<mots…>";

    /// <inheritdoc />
    public async Task<int> RunAsync(PluginCommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Arguments.Count == 0)
        {
            await context.Output.WriteLineAsync("usage: preau echo say <mots…>");
            return 2;
        }

        if (context.Arguments[0] == "panne")
        {
            throw new InvalidOperationException("panne volontaire de la commande");
        }

        await context.Output.WriteLineAsync($"écho ({EchoRegistrator.Edition}) pour {context.Actor} : {string.Join(' ', context.Arguments)}");
        return 0;
    }
}
