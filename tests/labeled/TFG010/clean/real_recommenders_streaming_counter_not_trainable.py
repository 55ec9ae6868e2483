# source: https://github.com/tensorflow/recommenders/issues/145
# reported: The top-k layer's int32 row counter, created with add_weight, was differentiated by the tape and triggered "The dtype of the source tensor must be floating" warnings; the resolution keeps the counter out of the trainable weights. This is the layer with trainable=False on the counter.
# observed (TF 2.21): model.trainable_variables holds only the float Dense weights; every tape gradient is a real tensor for both training steps.
from typing import Tuple

import numpy as np
import tensorflow as tf


class Streaming(tf.keras.layers.Layer):
    """Retrieves top-k scoring items by streaming over the candidate set."""

    def __init__(self, candidates, k=3, **kwargs):
        super().__init__(**kwargs)
        self._k = k
        self._candidates = tf.constant(candidates)
        self._counter = self.add_weight(name="counter", shape=(), dtype="int32", initializer="zeros",
                                        trainable=False)

    def call(self, queries):
        def enumerate_rows(batch: tf.Tensor) -> Tuple[tf.Tensor, tf.Tensor]:
            """Enumerates rows in each batch using a total element counter."""
            starting_counter = tf.identity(self._counter.value)
            end_counter = self._counter.assign_add(tf.shape(batch)[0])
            return tf.range(starting_counter, end_counter), batch

        self._counter.assign(0)
        ids, candidates = enumerate_rows(self._candidates)
        scores = tf.matmul(queries, candidates, transpose_b=True)
        values, indices = tf.math.top_k(scores, k=self._k)
        return values, tf.gather(ids, indices)


class RetrievalModel(tf.keras.Model):
    def __init__(self, candidates):
        super().__init__()
        self.query_model = tf.keras.Sequential([tf.keras.layers.Dense(8, activation="relu"),
                                                tf.keras.layers.Dense(4)])
        self.candidate_model = tf.keras.layers.Dense(4)
        self.index = Streaming(candidates, k=3)

    def call(self, features):
        query_embeddings = self.query_model(features["user"])
        candidate_embeddings = self.candidate_model(features["item"])
        top_scores, top_ids = self.index(query_embeddings)
        return query_embeddings, candidate_embeddings, top_scores

    def compute_loss(self, features, training=False):
        query_embeddings, candidate_embeddings, top_scores = self(features)
        scores = tf.matmul(query_embeddings, candidate_embeddings, transpose_b=True)
        labels = tf.eye(tf.shape(scores)[0])
        loss = tf.reduce_mean(tf.keras.losses.categorical_crossentropy(labels, scores, from_logits=True))
        return loss + 0.01 * tf.reduce_mean(top_scores)


features = {
    "user": tf.constant(np.random.rand(4, 5).astype(np.float32)),
    "item": tf.constant(np.random.rand(4, 6).astype(np.float32)),
}
candidates = np.random.rand(10, 4).astype(np.float32)
model = RetrievalModel(candidates)
optimizer = tf.keras.optimizers.Adagrad(learning_rate=0.1)

for step in range(2):
    with tf.GradientTape() as tape:
        loss = model.compute_loss(features, training=True)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    print(step, float(loss))
