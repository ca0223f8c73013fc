package dk.postfordeling.classifier.model;

import java.util.List;

/** Turns a text's tokens into the features a model was trained with. */
public interface FeatureExtractor {

    Features features(List<String> tokens);
}
