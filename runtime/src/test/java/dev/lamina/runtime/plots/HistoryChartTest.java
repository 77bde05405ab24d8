package dev.lamina.runtime.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HistoryChartTest {

    @Test
    void titlesSpellLogNamesAsWords() {
        assertEquals("Loss", HistoryChart.title("loss"));
        assertEquals("F1 score", HistoryChart.title("f1_score"));
        assertEquals("Top k accuracy", HistoryChart.title("top_k_accuracy"));
        assertEquals("AUC", HistoryChart.title("auc"));
        assertEquals("RMSE", HistoryChart.title("rmse"));
    }
}
