# source: https://github.com/sifubro/tensorflow
# reported: A study notebook on TF autodiff notes, next to ".assign_add() BLOCKS gradients", that tf.data.Dataset iterators and queues are stateful and stop all gradients on tensors that pass through them; here a small regression trainer makes its predictions with Dataset.map using self.w and self.b.
# observed (TF 2.21): the mapped function is traced into the tf.data pipeline, the batches that come out of it are not connected to self.w / self.b, and tape.gradient returns [None, None] at line 32.
import numpy as np
import tensorflow as tf


class LinearRegressionTrainer:
    def __init__(self, features, targets, batch_size=4, learning_rate=0.05):
        n_features = features.shape[1]
        self.w = tf.Variable(tf.zeros([n_features, 1]), name="w")
        self.b = tf.Variable(0.0, name="b")
        self.dataset = tf.data.Dataset.from_tensor_slices((features, targets)).batch(batch_size)
        self.optimizer = tf.keras.optimizers.SGD(learning_rate)

    def predict_batches(self):
        # (prediction, target) pairs, computed in the input pipeline
        return self.dataset.map(lambda x, y: (tf.matmul(x, self.w) + self.b, y))

    def mse(self):
        total = tf.constant(0.0)
        n_batches = 0
        for pred, y in self.predict_batches():
            total += tf.reduce_mean(tf.square(pred - y))
            n_batches += 1
        return total / n_batches

    def train_step(self):
        with tf.GradientTape() as tape:
            loss = self.mse()
        variables = [self.w, self.b]
        grads = tape.gradient(loss, variables)  # expect: TFG019
        if all(g is not None for g in grads):
            self.optimizer.apply_gradients(zip(grads, variables))
        return loss, grads


rng = np.random.default_rng(1)
X = rng.normal(size=(12, 3)).astype(np.float32)
y = (X @ np.array([[1.0], [-2.0], [0.5]], dtype=np.float32) + 0.3).astype(np.float32)
trainer = LinearRegressionTrainer(X, y)
loss, grads = trainer.train_step()
print("loss", float(loss), "grads", grads)
