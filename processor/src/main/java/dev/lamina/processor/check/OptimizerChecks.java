package dev.lamina.processor.check;

import dev.lamina.dsl.Optimizer;
import dev.lamina.processor.Diagnostic;
import dev.lamina.processor.read.ModelDescription;
import dev.lamina.processor.read.OptimizerDescription;
import java.util.List;
import java.util.Map;

/** The ranges of the optimizer settings, as Keras enforces them, and a negative weight decay, which Keras takes. */
final class OptimizerChecks {
    private OptimizerChecks() {
    }

    static void check(ModelDescription model, List<Diagnostic> diagnostics) {
        OptimizerDescription o = model.optimizer();
        if (!(o.learningRate() > 0) || Double.isInfinite(o.learningRate())) {
            error(model, diagnostics, "learningRate", "learningRate must be positive and finite but is " + o.learningRate() + ".");
        }
        boolean adam = o.kind() == Optimizer.Kind.ADAM || o.kind() == Optimizer.Kind.ADAMW;
        if (!adam && !inUnitInterval(o.momentum())) {
            error(model, diagnostics, "momentum", "momentum must be in [0, 1) but is " + o.momentum() + ".");
        }
        if (o.kind() == Optimizer.Kind.RMSPROP && !inUnitInterval(o.rho())) {
            error(model, diagnostics, "rho", "rho must be in [0, 1) but is " + o.rho() + ".");
        }
        if (adam) {
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
        checkWeightDecay(model, diagnostics);
        checkClipping(model, diagnostics);
        if (o.kind() == Optimizer.Kind.SGD && o.nesterov() && o.momentum() == 0) {
            diagnostics.add(Diagnostic.warning(model.type(), o.annotation(), "nesterov",
                    "nesterov has no effect without momentum; set momentum, such as momentum = 0.9."));
        }
    }

    /** Keras takes any weight_decay; a negative one would grow the weights, so it is refused here. */
    private static void checkWeightDecay(ModelDescription model, List<Diagnostic> diagnostics) {
        OptimizerDescription o = model.optimizer();
        if (!(o.weightDecay() >= 0) || Double.isInfinite(o.weightDecay())) {
            error(model, diagnostics, "weightDecay", "weightDecay must be finite and at least 0 but is " + o.weightDecay()
                    + "; each step shrinks the weights by w * weightDecay * learningRate. Give 0 for none, or leave it"
                    + " out for Keras' default (0.004 for ADAMW, none for the other kinds).");
        } else if (o.kind() == Optimizer.Kind.ADAMW && o.weightDecay() == 0) {
            diagnostics.add(Diagnostic.warning(model.type(), o.annotation(), "weightDecay",
                    "AdamW without weight decay is Adam; use kind = Optimizer.Kind.ADAM, or give a weightDecay such as"
                            + " 0.004."));
        }
    }

    /** As Keras: each limit positive, and one of the three at most ("Only one of clipnorm, clipvalue and global_clipnorm can be set"). */
    private static void checkClipping(ModelDescription model, List<Diagnostic> diagnostics) {
        Map<String, Double> set = model.optimizer().clipping();
        set.forEach((name, value) -> {
            if (!(value > 0)) {
                error(model, diagnostics, name, name + " must be positive but is " + value + "; it is the largest "
                        + (name.equals("clipValue") ? "value" : "norm") + " a gradient is clipped to. Leave it out for no"
                        + " clipping.");
            }
        });
        List<String> names = List.copyOf(set.keySet());
        for (int i = 1; i < names.size(); i++) {
            error(model, diagnostics, names.get(i), "Only one of clipNorm, globalClipNorm and clipValue can be set, as in"
                    + " Keras, but " + names.get(0) + " = " + set.get(names.get(0)) + " and " + names.get(i) + " = "
                    + set.get(names.get(i)) + " both are. Remove one of them.");
        }
    }

    private static boolean inUnitInterval(double value) {
        return value >= 0 && value < 1;
    }

    private static void error(ModelDescription model, List<Diagnostic> diagnostics, String attribute, String message) {
        diagnostics.add(Diagnostic.error(model.type(), model.optimizer().annotation(), attribute, message));
    }
}
