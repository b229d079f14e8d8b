using Microsoft.AspNetCore.Http;
using Preau.Plugins.Directory.Plugin.Search;
using Preau.Plugins.Graph;
using Preau.Plugins.Http;

namespace Preau.Plugins.Directory.Plugin.Actions;

/// <summary>Runs one write action on <c>people/{id}</c>: the person must be visible (else 404), the rule
/// must allow it (else 403 with the right, or 409), then under the <see cref="DirectoryWriteGate"/>
/// the rule is checked again on the graph as it is now and the change applied; the answer is the new
/// card. An import in progress makes the action wait a little, then 409.</summary>
public sealed class ActionRunner(DirectoryIndexCache cache, DirectoryWriteGate gate, CardView card)
{
    /// <summary>How long an action waits for an import to finish.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>Checks <paramref name="rule"/>, then runs <paramref name="apply"/> (null: done; else the
    /// refusal to send, nothing having been written) and answers with the card.</summary>
    public async Task RunAsync(PluginRequest request, Func<ActionRules, ActionDecision> rule, Func<ActionScope, ActionDecision?> apply)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(apply);
        if (await ActionScope.ResolveAsync(request, cache) is not { } first)
        {
            return;
        }

        if (rule(new ActionRules(request, first)) is { Allowed: false } refusedEarly)
        {
            await refusedEarly.WriteAsync(request);
            return;
        }

        if (!await gate.EnterAsync(Wait, request.HttpContext.RequestAborted))
        {
            await request.WriteErrorAsync(StatusCodes.Status409Conflict, "Un import de l'annuaire est en cours : réessayez dans un instant.");
            return;
        }

        ActionDecision? refused;
        try
        {
            refused = ActionScope.Of(request, cache) is not { } scope
                ? new ActionDecision(false, StatusCodes.Status404NotFound, ActionScope.NotFound)
                : rule(new ActionRules(request, scope)) is { Allowed: false } now ? now : apply(scope);
        }
        catch (GraphBatchException ex)
        {
            refused = new ActionDecision(false, StatusCodes.Status409Conflict, $"Le serveur a refusé la modification : {string.Join(" ; ", ex.Errors)}");
        }
        finally
        {
            gate.Exit();
        }

        if (refused is not null)
        {
            await refused.WriteAsync(request);
        }
        else
        {
            await card.WriteAsync(request);
        }
    }
}
