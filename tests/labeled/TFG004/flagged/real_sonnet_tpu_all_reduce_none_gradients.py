# source: https://github.com/google-deepmind/sonnet/issues/215  # known-miss: the unused variable is one element of a module's trainable_variables list; per-variable connection is not modelled
# reported: A Sonnet 2 model trained under a TPU strategy all-reduces its gradients inside the replica step and fails with ValueError("None values not supported."); the reporter found that not every variable is connected to the loss in each step and fixed it with unconnected_gradients=tf.UnconnectedGradients.ZERO.
# observed (TF 2.21, OneDeviceStrategy standing in for the TPU): tape.gradient returns None for the unused head at line 66; ctx.all_reduce("sum", grads) raises ValueError "Attempt to convert a value (None) ..." at line 67.
import numpy as np
import tensorflow as tf


class Linear(tf.Module):
    def __init__(self, output_size, name=None):
        super().__init__(name=name)
        self.output_size = output_size
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.w is None:
            self.w = tf.Variable(tf.random.normal([x.shape[-1], self.output_size], stddev=0.1), name="w")
            self.b = tf.Variable(tf.zeros([self.output_size]), name="b")
        return tf.matmul(x, self.w) + self.b


class MultiTaskModel(tf.Module):
    """Shared torso with one head per task; a step only trains the head of its task."""

    def __init__(self, name=None):
        super().__init__(name=name)
        self.torso = Linear(8, name="torso")
        self.heads = {"classify": Linear(3, name="classify_head"),
                      "regress": Linear(1, name="regress_head")}

    def __call__(self, x, task):
        h = tf.nn.relu(self.torso(x))
        return self.heads[task](h)


class SGD(tf.Module):
    """Like snt.optimizers.SGD: apply(updates, parameters)."""

    def __init__(self, learning_rate):
        super().__init__()
        self.learning_rate = learning_rate

    def apply(self, updates, parameters):
        for update, parameter in zip(updates, parameters):
            parameter.assign_sub(self.learning_rate * update)


strategy = tf.distribute.OneDeviceStrategy("/cpu:0")
with strategy.scope():
    model = MultiTaskModel()
    optimizer = SGD(0.1)
    # create all variables
    model(tf.zeros([1, 4]), "classify")
    model(tf.zeros([1, 4]), "regress")


def loss_fn(outputs, labels):
    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=outputs))


def step(images, labels):
    with tf.GradientTape() as tape:
        outputs = model(images, "classify")
        loss = loss_fn(outputs, labels)
    params = model.trainable_variables
    grads = tape.gradient(loss, params)  # expect: TFG011
    grads = tf.distribute.get_replica_context().all_reduce("sum", grads)  # expect: TFG004
    optimizer.apply(grads, params)
    return loss


images = tf.constant(np.random.rand(4, 4).astype(np.float32))
labels = tf.constant(np.random.randint(0, 3, size=4))
per_replica_loss = strategy.run(step, args=(images, labels))
print(strategy.reduce("mean", per_replica_loss, axis=None))
