package dev.lamina.processor.check;

import dev.lamina.dsl.Optimizer;
import dev.lamina.processor.Diagnostic;
import dev.lamina.processor.read.ModelDescription;
import dev.lamina.processor.read.OptimizerDescription;
import java.util.List;

/** The ranges of the optimizer settings, as Keras enforces them. */
final class OptimizerChecks {
    private OptimizerChecks() {
    }

    static void check(ModelDescription model, List<Diagnostic> diagnostics) {
        OptimizerDescription o = model.optimizer();
        if (!(o.learningRate() > 0) || Double.isInfinite(o.learningRate())) {
            error(model, diagnostics, "learningRate", "learningRate must be positive and finite but is " + o.learningRate() + ".");
        }
        if (o.kind() != Optimizer.Kind.ADAM && !inUnitInterval(o.momentum())) {
            error(model, diagnostics, "momentum", "momentum must be in [0, 1) but is " + o.momentum() + ".");
        }
        if (o.kind() == Optimizer.Kind.RMSPROP && !inUnitInterval(o.rho())) {
            error(model, diagnostics, "rho", "rho must be in [0, 1) but is " + o.rho() + ".");
        }
        if (o.kind() == Optimizer.Kind.ADAM) {
            if (!inUnitInterval(o.beta1())) {
                error(model, diagnostics, "beta1", "beta1 must be in [0, 1) but is " + o.beta1() + ".");
            }
            if (!inUnitInterval(o.beta2())) {
                error(model, diagnostics, "beta2", "beta2 must be in [0, 1) but is " + o.beta2() + ".");
            }
        }
        if (o.kind() != Optimizer.Kind.SGD && !(o.epsilon() > 0 && Double.isFinite(o.epsilon()))) {
            error(model, diagnostics, "epsilon", "epsilon must be positive and finite but is " + o.epsilon() + ".");
        }
        if (o.kind() == Optimizer.Kind.SGD && o.nesterov() && o.momentum() == 0) {
            diagnostics.add(Diagnostic.warning(model.type(), o.annotation(), "nesterov",
                    "nesterov has no effect without momentum; set momentum, such as momentum = 0.9."));
        }
    }

    private static boolean inUnitInterval(double value) {
        return value >= 0 && value < 1;
    }

    private static void error(ModelDescription model, List<Diagnostic> diagnostics, String attribute, String message) {
        diagnostics.add(Diagnostic.error(model.type(), model.optimizer().annotation(), attribute, message));
    }
}
